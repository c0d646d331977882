package io.ptosim.properties.oracle;

import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import io.ptosim.scheduler.program.ArgDirection;
import io.ptosim.scheduler.program.Op;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;
import io.ptosim.scheduler.tensormap.TensorMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The producers a correct runtime must make each task wait for, derived from the program text alone
 * (docs/program-format.md), independently of the scheduler's own TensorMap:
 *
 * <ul>
 *   <li>its explicit {@code add_dependency} producers;
 *   <li>for each non-OUTPUT argument that is not scope-local (inside a MANUAL region, a buffer
 *       created in that region is scope-local), the buffer's creator;
 *   <li>for each such INPUT/INOUT argument, the newest ({@value TensorMap#MAX_LOOKUP_RESULTS} at most)
 *       writer entries overlapping it, where INOUT and OUTPUT_EXISTING record entries (not for
 *       scope-local buffers) and an INOUT drops the other tasks' entries it fully covers.
 * </ul>
 *
 * It is a lower bound: a runtime may find more producers, never fewer. It ignores the TensorMap's
 * cleanup of retired tasks, which only runs after 64 retirements; programs of at most 64 tasks
 * never reach it.
 */
public final class ProducerOracle {
  private ProducerOracle() {}

  /** Producers by consumer, program task ids; tasks without producers are absent. */
  public static ImmutableSortedMap<Long, ImmutableSortedSet<Long>> producers(Program program) {
    return new Walk().run(program);
  }

  private record Frame(int beginOp, ScopeMode mode, int manualRootOp) {}

  private record Entry(long task, long start, long end) {}

  /** One pass over the ops, mirroring the bookkeeping the runtime does at submit. */
  private static final class Walk {
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Map<Long, Integer> createdAt = new HashMap<>();
    private final Map<Long, Long> creatorOfBase = new HashMap<>();
    private final Map<Long, List<Entry>> writersOfBase = new HashMap<>();
    private final Map<Long, TreeSet<Long>> result = new TreeMap<>();

    ImmutableSortedMap<Long, ImmutableSortedSet<Long>> run(Program program) {
      int i = 0;
      for (Op op : program.ops()) {
        step(i++, op);
      }
      ImmutableSortedMap.Builder<Long, ImmutableSortedSet<Long>> out = ImmutableSortedMap.naturalOrder();
      result.forEach((consumer, producers) -> {
        if (!producers.isEmpty()) {
          out.put(consumer, ImmutableSortedSet.copyOf(producers));
        }
      });
      return out.build();
    }

    private void step(int i, Op op) {
      if (op instanceof Op.ScopeBegin b) {
        Frame parent = frames.peek();
        int root = parent != null && parent.manualRootOp() >= 0 ? parent.manualRootOp()
            : b.mode() == ScopeMode.MANUAL ? i : -1;
        frames.push(new Frame(i, b.mode(), root));
      } else if (op instanceof Op.ScopeEnd) {
        frames.pop();
      } else if (op instanceof Op.AllocTensors a) {
        createdAt.put(a.task(), i);
        for (TensorArg out : a.outputs()) {
          creatorOfBase.put(out.base(), a.task());
        }
      } else if (op instanceof Op.Submit s) {
        submit(i, s);
      } else if (op instanceof Op.AddDependency d) {
        producersOf(d.consumer()).add(d.producer());
      }
    }

    private void submit(int i, Op.Submit s) {
      createdAt.put(s.task(), i);
      TreeSet<Long> mine = producersOf(s.task());
      int root = frames.peek().manualRootOp();
      // Lookups first (they see the state before this task's own records), then the records.
      for (TensorArg arg : s.args()) {
        if (arg.direction() == ArgDirection.OUTPUT || scopeLocal(arg, root)) {
          continue;
        }
        Long creator = creatorOfBase.get(arg.base());
        if (creator != null) {
          mine.add(creator);
        }
        if (arg.direction().looksUp()) {
          mine.addAll(overlappingWriters(arg));
        }
      }
      mine.remove(s.task());
      for (TensorArg arg : s.args()) {
        if (arg.direction() == ArgDirection.OUTPUT) {
          creatorOfBase.put(arg.base(), s.task());
        } else if (arg.direction().inserts() && !scopeLocal(arg, root)) {
          record(s.task(), arg);
        }
      }
    }

    /** Inside a MANUAL region (root op {@code root}), a buffer created after the region opened. */
    private boolean scopeLocal(TensorArg arg, int root) {
      Long creator = creatorOfBase.get(arg.base());
      return root >= 0 && creator != null && createdAt.get(creator) > root;
    }

    private List<Long> overlappingWriters(TensorArg arg) {
      List<Entry> entries = writersOfBase.getOrDefault(arg.base(), List.of());
      List<Long> out = new ArrayList<>();
      // Entries are in insertion order: walk newest first and keep the lookup's result limit.
      for (int k = entries.size() - 1; k >= 0 && out.size() < TensorMap.MAX_LOOKUP_RESULTS; k--) {
        Entry e = entries.get(k);
        if (e.start() < arg.end() && arg.offset() < e.end()) {
          out.add(e.task());
        }
      }
      return out;
    }

    private void record(long task, TensorArg arg) {
      List<Entry> entries = writersOfBase.computeIfAbsent(arg.base(), b -> new ArrayList<>());
      if (arg.direction() == ArgDirection.INOUT) {
        entries.removeIf(e -> e.task() != task && arg.offset() <= e.start() && e.end() <= arg.end());
      }
      entries.add(new Entry(task, arg.offset(), arg.end()));
    }

    private TreeSet<Long> producersOf(long task) {
      return result.computeIfAbsent(task, t -> new TreeSet<>());
    }
  }
}
