package io.ptosim.scheduler.program;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

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
}
