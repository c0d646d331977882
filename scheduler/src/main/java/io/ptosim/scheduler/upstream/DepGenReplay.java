package io.ptosim.scheduler.upstream;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSetMultimap;
import io.ptosim.scheduler.program.ArgDirection;
import io.ptosim.scheduler.program.Op;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The graph dep_gen would record for a program: upstream's host replay
 * ({@code dep_gen_replay.cpp} at 6ebaf77) run over the program's ops instead of captured submit
 * records. Per submit, in upstream's order: STEP 1 the explicit deps (one edge per distinct
 * producer, arg -1), then per non-OUTPUT argument STEP A, a creator edge to the buffer's owner
 * unless that producer already has an edge of this submit, and STEP B for INPUT and INOUT every
 * TensorMap entry overlapping the view, newest first (one edge per hit, not deduplicated), an INOUT
 * removing the entries it covers; then STEP 4 registers INOUT and OUTPUT_EXISTING views. A task
 * inside a MANUAL scope skips STEPs A, B and 4, as {@code compute_task_fanin} does. Nothing
 * retires during a replay, so every producer is an edge whether or not it had finished.
 *
 * <p>Task ids are assigned as the runtime assigns them: ring {@code min(depth, 3)} with the outer
 * scope at depth 0, local ids contiguous per ring in creation order, alloc_tensors included; an
 * alloc_tensors task is hidden (not in {@code tasks}) but is an edge producer. Views are byte
 * ranges of one buffer (dtype {@code UINT8}, one dimension), since a program records no element
 * types; tensor ids are FNV-1a over (base, version 0) as upstream hashes (address, version).
 */
public final class DepGenReplay {
  private final Program program;
  private final KernelTable kernels;

  public DepGenReplay(Program program, KernelTable kernels) {
    this.program = program;
    this.kernels = kernels;
  }

  /** The recorded graph of {@code program}, kernel ids from {@link KernelTable#forProgram}. */
  public static DepsGraph of(Program program) {
    return new DepGenReplay(program, KernelTable.forProgram(program)).graph();
  }

  private record Entry(long producer, long offset, long end) {}

  private static final class Buffer {
    long owner = -1;
    /** Writer entries, newest first (upstream inserts at the head of the bucket chain). */
    final List<Entry> writers = new ArrayList<>();
  }

  /** Replays the program. */
  public DepsGraph graph() {
    ImmutableSetMultimap<Long, Long> explicitDeps = program.explicitDependencies();
    Map<Long, Long> rawOf = new HashMap<>();
    Map<Long, Buffer> buffers = new HashMap<>();
    Map<Long, DepsTensor> tensors = new LinkedHashMap<>();
    long[] nextLocal = new long[4];
    Deque<ScopeMode> scopes = new ArrayDeque<>();
    int manualDepth = 0;
    ImmutableList.Builder<DepsTask> tasks = ImmutableList.builder();
    ImmutableList.Builder<DepsEdge> edges = ImmutableList.builder();
    for (Op op : program.ops()) {
      if (op instanceof Op.ScopeBegin b) {
        scopes.push(b.mode());
        manualDepth += b.mode() == ScopeMode.MANUAL ? 1 : 0;
      } else if (op instanceof Op.ScopeEnd) {
        manualDepth -= scopes.pop() == ScopeMode.MANUAL ? 1 : 0;
      } else if (op instanceof Op.AllocTensors a) {
        int ring = Math.min(scopes.size(), 3);
        long raw = UpstreamIds.raw(ring, nextLocal[ring]++);
        rawOf.put(a.task(), raw);
        for (TensorArg out : a.outputs()) {
          buffers.computeIfAbsent(out.base(), x -> new Buffer()).owner = raw;
        }
      } else if (op instanceof Op.Submit s) {
        int ring = Math.min(scopes.size(), 3);
        long raw = UpstreamIds.raw(ring, nextLocal[ring]++);
        rawOf.put(s.task(), raw);
        boolean manual = manualDepth > 0;
        ImmutableList.Builder<DepsArg> args = ImmutableList.builder();
        for (int i = 0; i < s.args().size(); i++) {
          TensorArg a = s.args().get(i);
          if (a.direction() == ArgDirection.OUTPUT) {
            args.add(new DepsArg(i, DepsArg.OUTPUT, Optional.empty()));
          } else {
            TensorSlice slice = slice(a.base(), a.offset(), a.end());
            tensors.putIfAbsent(slice.tensorId(), new DepsTensor(slice.tensorId(), a.base(), 0, "UINT8", a.end()));
            args.add(new DepsArg(i, type(a.direction()), Optional.of(slice)));
          }
        }
        tasks.add(new DepsTask(raw, manual, false, kernels.kernelIds(s), s.blockNum(), args.build()));
        Set<Long> preds = new HashSet<>();
        for (long producer : explicitDeps.get(s.task())) {
          long p = rawOf.get(producer);
          if (preds.add(p)) {
            edges.add(DepsEdge.explicit(p, raw));
          }
        }
        if (!manual) {
          fanin(s, raw, buffers, preds, edges);
        }
        for (TensorArg a : s.args()) {
          Buffer buffer = buffers.computeIfAbsent(a.base(), x -> new Buffer());
          if (a.direction() == ArgDirection.OUTPUT) {
            buffer.owner = raw;
          } else if (!manual && a.direction().inserts()) {
            buffer.writers.add(0, new Entry(raw, a.offset(), a.end()));
          }
        }
      }
    }
    return new DepsGraph(tasks.build(), ImmutableList.copyOf(tensors.values()), edges.build());
  }

  /** STEPs A and B of one submit. */
  private static void fanin(Op.Submit s, long raw, Map<Long, Buffer> buffers, Set<Long> preds, ImmutableList.Builder<DepsEdge> edges) {
    for (int i = 0; i < s.args().size(); i++) {
      TensorArg a = s.args().get(i);
      if (a.direction() == ArgDirection.OUTPUT) {
        continue;
      }
      Buffer buffer = buffers.get(a.base());
      if (buffer == null) {
        continue;
      }
      TensorSlice consumer = slice(a.base(), a.offset(), a.end());
      if (buffer.owner >= 0 && preds.add(buffer.owner)) {
        edges.add(new DepsEdge(buffer.owner, raw, i, DepsEdge.Source.CREATOR, ImmutableList.of("wait", "retain"),
            Optional.of(consumer), Optional.empty(), Optional.empty()));
      }
      if (!a.direction().looksUp()) {
        continue;
      }
      for (Iterator<Entry> it = buffer.writers.iterator(); it.hasNext(); ) {
        Entry e = it.next();
        if (e.end() <= a.offset() || e.offset() >= a.end()) {
          continue;
        }
        boolean covered = a.offset() <= e.offset() && e.end() <= a.end();
        preds.add(e.producer());
        TensorSlice producer = slice(a.base(), e.offset(), e.end());
        edges.add(new DepsEdge(e.producer(), raw, i, DepsEdge.Source.TENSORMAP, ImmutableList.of("wait"),
            Optional.of(consumer), Optional.of(covered ? "covered" : "other"), Optional.of(producer)));
        if (a.direction() == ArgDirection.INOUT && covered) {
          it.remove();
        }
      }
    }
  }

  private static String type(ArgDirection d) {
    return switch (d) {
      case INPUT -> DepsArg.INPUT;
      case OUTPUT -> DepsArg.OUTPUT;
      case INOUT -> DepsArg.INOUT;
      case OUTPUT_EXISTING -> DepsArg.OUTPUT_EXISTING;
    };
  }

  private static TensorSlice slice(long base, long offset, long end) {
    return new TensorSlice(tensorId(base, 0), "UINT8", ImmutableList.of(end - offset), offset, ImmutableList.of(1L));
  }

  /** FNV-1a 64 over the address's and the version's little-endian bytes, as upstream's make_tensor_id. */
  static long tensorId(long addr, int version) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < 8; i++) {
      h ^= (addr >>> (8 * i)) & 0xFF;
      h *= 0x100000001b3L;
    }
    for (int i = 0; i < 4; i++) {
      h ^= (version >>> (8 * i)) & 0xFF;
      h *= 0x100000001b3L;
    }
    return h;
  }
}
