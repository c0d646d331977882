package io.ptosim.scheduler.workload;

import com.google.common.collect.ImmutableSortedSet;
import com.google.common.collect.SortedSetMultimap;
import com.google.common.collect.TreeMultimap;
import io.ptosim.scheduler.program.Op;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;
import io.ptosim.scheduler.tensormap.TensorMap;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The producer sets a runtime would wire for a program, computed without a runtime: AUTO tasks
 * through the TensorMap; MANUAL tasks through their explicit edges plus the TensorMap producers
 * outside the current manual scope (partial-manual's cross-scope boundary rule). Nothing retires.
 */
final class Discovery {
  private Discovery() {}

  private record Scope(ScopeMode mode, Set<Long> tasks) {}

  static SortedSetMultimap<Long, Long> producers(Program program) {
    TensorMap map = new TensorMap();
    Deque<Scope> scopes = new ArrayDeque<>();
    SortedSetMultimap<Long, Long> producers = TreeMultimap.create();
    // The executor's outer AUTO scope, where top-level ops run.
    scopes.push(new Scope(ScopeMode.AUTO, new HashSet<>()));
    for (Op op : program.ops()) {
      if (op instanceof Op.ScopeBegin begin) {
        scopes.push(new Scope(begin.mode(), new HashSet<>()));
      } else if (op instanceof Op.ScopeEnd) {
        scopes.pop();
      } else if (op instanceof Op.Submit submit) {
        Scope scope = scopes.peek();
        for (TensorArg arg : submit.args()) {
          for (long p : map.lookup(arg)) {
            if (scope.mode() == ScopeMode.AUTO || !scope.tasks().contains(p)) {
              producers.put(submit.task(), p);
            }
          }
        }
        for (TensorArg arg : submit.args()) {
          map.insert(submit.task(), arg);
        }
        scope.tasks().add(submit.task());
      } else if (op instanceof Op.AllocTensors alloc) {
        for (TensorArg arg : alloc.outputs()) {
          map.insert(alloc.task(), arg);
        }
        scopes.peek().tasks().add(alloc.task());
      } else if (op instanceof Op.AddDependency dep) {
        producers.put(dep.consumer(), dep.producer());
      }
    }
    return producers;
  }

  /** Every task's transitive producers (task ids are created in topological order). */
  static Map<Long, ImmutableSortedSet<Long>> ancestors(SortedSetMultimap<Long, Long> producers) {
    Map<Long, ImmutableSortedSet<Long>> ancestors = new TreeMap<>();
    for (Long task : producers.keySet()) {
      ImmutableSortedSet.Builder<Long> all = ImmutableSortedSet.naturalOrder();
      for (long p : producers.get(task)) {
        all.add(p).addAll(ancestors.getOrDefault(p, ImmutableSortedSet.of()));
      }
      ancestors.put(task, all.build());
    }
    return ancestors;
  }
}
