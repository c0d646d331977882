package io.ptosim.scheduler.program;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSetMultimap;

/**
 * An orchestration program: a name and the ops the orchestrator executes in order. A program value
 * is not necessarily valid; {@link ProgramValidator} says why not, naming the op index.
 */
public record Program(String name, ImmutableList<Op> ops) {
  public Program {
    Preconditions.checkNotNull(name, "name");
    Preconditions.checkNotNull(ops, "ops");
  }

  /** Tasks the program creates (submits and alloc_tensors). */
  public int taskCount() {
    int n = 0;
    for (Op op : ops) {
      if (op instanceof Op.Submit || op instanceof Op.AllocTensors) {
        n++;
      }
    }
    return n;
  }

  /**
   * Explicit edges by consumer: each consumer's producers in the order the program states them,
   * repeats dropped (upstream dedupes them). A runtime that publishes at submit reads a consumer's
   * list when it submits the consumer (upstream v0 passes the deps with the submit); a deferred
   * runtime wires them at scope_end.
   */
  public ImmutableSetMultimap<Long, Long> explicitDependencies() {
    ImmutableSetMultimap.Builder<Long, Long> deps = ImmutableSetMultimap.builder();
    for (Op op : ops) {
      if (op instanceof Op.AddDependency dep) {
        deps.put(dep.consumer(), dep.producer());
      }
    }
    return deps.build();
  }
}
