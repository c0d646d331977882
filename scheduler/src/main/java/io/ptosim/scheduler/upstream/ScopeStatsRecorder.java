package io.ptosim.scheduler.upstream;

import com.google.common.collect.ImmutableList;
import io.ptosim.des.event.TraceEvent;
import io.ptosim.des.trace.TraceSink;
import io.ptosim.scheduler.program.ArgDirection;
import io.ptosim.scheduler.program.Op;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.TensorArg;
import io.ptosim.scheduler.runtime.RingConfig;
import io.ptosim.scheduler.runtime.TaskIds;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records a simulated run as scope_stats.jsonl: a begin and an end line per scope with its ring's
 * monotonic counters at that instant, {@code *_start} the released boundary (tail) and
 * {@code *_end} the allocation frontier (head), as upstream samples them. Task window: tasks
 * submitted on the ring and its last_task_alive (from the trace's submit and ring-advance events).
 * Heap: the OUTPUT bytes of those tasks, each padded to 1,024 bytes (PTO2_PACKED_OUTPUT_ALIGN),
 * summed in ring order (wrap-around padding not counted). The dep pool and the TensorMap are not
 * in the trace: they are written as an empty pool (1, 1) and 0 entries.
 */
public final class ScopeStatsRecorder implements TraceSink {
  static final long ALIGN = 1024;

  private final RingConfig rings;
  /** Per ring, the padded heap bytes of its first n tasks (local ids 0..n-1) at index n. */
  private final List<List<Long>> heapByLocal = new ArrayList<>();
  private final long[] submitted = new long[RingConfig.RING_COUNT];
  private final long[] lastAlive = new long[RingConfig.RING_COUNT];
  private final Map<Long, Integer> scopeRing = new HashMap<>();
  private final Map<Long, Integer> scopeDepth = new HashMap<>();
  private final Deque<Long> openScopes = new ArrayDeque<>();
  private final List<ScopeStats.Event> events = new ArrayList<>();
  private boolean fatal;

  public ScopeStatsRecorder(Program program, RingConfig rings) {
    this.rings = rings;
    for (int r = 0; r < RingConfig.RING_COUNT; r++) {
      heapByLocal.add(new ArrayList<>(List.of(0L)));
    }
    int depth = 0;
    for (Op op : program.ops()) {
      if (op instanceof Op.ScopeBegin) {
        depth++;
      } else if (op instanceof Op.ScopeEnd) {
        depth--;
      } else if (op instanceof Op.Submit s) {
        append(heapByLocal.get(Math.min(depth, 3)), padded(s.args(), true));
      } else if (op instanceof Op.AllocTensors a) {
        append(heapByLocal.get(Math.min(depth, 3)), padded(a.outputs(), false));
      }
    }
  }

  private static long padded(List<TensorArg> args, boolean onlyOutputs) {
    long sum = 0;
    for (TensorArg a : args) {
      if (!onlyOutputs || a.direction() == ArgDirection.OUTPUT) {
        sum += (a.size() + ALIGN - 1) / ALIGN * ALIGN;
      }
    }
    return sum;
  }

  private static void append(List<Long> prefix, long bytes) {
    prefix.add(prefix.get(prefix.size() - 1) + bytes);
  }

  private long heapUpTo(int ring, long locals) {
    List<Long> prefix = heapByLocal.get(ring);
    return prefix.get((int) Math.min(locals, prefix.size() - 1));
  }

  @Override
  public void accept(TraceEvent event, CharSequence line) {
    if (event instanceof TraceEvent.Submit s) {
      int ring = TaskIds.ring(s.task());
      submitted[ring] = Math.max(submitted[ring], TaskIds.local(s.task()) + 1);
    } else if (event instanceof TraceEvent.RingAdvance a) {
      lastAlive[a.ring()] = a.toLastAlive();
    } else if (event instanceof TraceEvent.ScopeBegin b) {
      int ring = Math.min(b.depth(), 3);
      scopeRing.put(b.scope(), ring);
      scopeDepth.put(b.scope(), b.depth());
      openScopes.push(b.scope());
      events.add(sample("begin", b.depth(), ring));
    } else if (event instanceof TraceEvent.ScopeEnd e) {
      openScopes.remove(e.scope());
      events.add(sample("end", scopeDepth.getOrDefault(e.scope(), 0), scopeRing.getOrDefault(e.scope(), 0)));
    } else if (event instanceof TraceEvent.Abort) {
      fatal = true;
    }
  }

  private ScopeStats.Event sample(String phase, int depth, int ring) {
    return new ScopeStats.Event("(unknown):0", phase, depth, ring, lastAlive[ring], submitted[ring],
        heapUpTo(ring, lastAlive[ring]), heapUpTo(ring, submitted[ring]), 1, 1, 0);
  }

  /** The header and the scope lines so far. */
  public ScopeStats stats() {
    ImmutableList.Builder<Long> window = ImmutableList.builder();
    ImmutableList.Builder<Long> heap = ImmutableList.builder();
    ImmutableList.Builder<Long> pool = ImmutableList.builder();
    for (int r = 0; r < RingConfig.RING_COUNT; r++) {
      window.add(rings.ring(r).window());
      heap.add(rings.ring(r).heapBytes());
      pool.add((long) rings.ring(r).depPool());
    }
    return new ScopeStats(new ScopeStats.Header(6, fatal, 0, events.size(), window.build(), heap.build(), pool.build(), 65536),
        ImmutableList.copyOf(events));
  }
}
