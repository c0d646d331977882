package io.ptosim.scheduler.program;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

/**
 * One operation of an orchestration program. Tasks are named by their program-local id, the
 * {@code task} of the {@link Submit} or {@link AllocTensors} that creates them; ids are unique in a
 * program and every later reference names an earlier creation.
 */
public sealed interface Op {

  /**
   * Opens a scope. Scopes nest; the runtime wraps every program in an implicit outer AUTO scope at
   * depth 0 (ring 0), as upstream's executor does, so a program's first scope has depth 1 and its
   * tasks go to ring min(depth, 3) = 1. Ops outside any program scope run in that outer scope.
   */
  record ScopeBegin(ScopeMode mode) implements Op {
    public ScopeBegin {
      Preconditions.checkNotNull(mode, "mode");
    }
  }

  /** Closes the innermost open scope. */
  record ScopeEnd() implements Op {}

  /**
   * Submits a task: its kernel (the name selects the duration in the platform profile), active mask
   * (bit0 AIC, bit1 AIV0, bit2 AIV1), number of SPMD blocks and tensor arguments.
   */
  record Submit(long task, String kernel, int activeMask, int blockNum, ImmutableList<TensorArg> args) implements Op {
    public Submit {
      Preconditions.checkArgument(task >= 0, "task id must be non-negative");
      Preconditions.checkNotNull(kernel, "kernel");
      Preconditions.checkArgument(activeMask > 0 && activeMask < 16, "active_mask must be 1..15 for a submit: %s", activeMask);
      Preconditions.checkArgument(blockNum > 0, "block_num must be positive: %s", blockNum);
      Preconditions.checkNotNull(args, "args");
    }

    /** Heap bytes this task's OUTPUT arguments take from its ring. */
    public long outputBytes() {
      long sum = 0;
      for (TensorArg a : args) {
        if (a.direction() == ArgDirection.OUTPUT) {
          sum += a.size();
        }
      }
      return sum;
    }
  }

  /**
   * alloc_tensors(): a hidden task (mask 0) that owns output buffers. It is COMPLETED when submitted,
   * never dispatched, and holds its ring slot and a scope reference until retired.
   */
  record AllocTensors(long task, ImmutableList<TensorArg> outputs) implements Op {
    public AllocTensors {
      Preconditions.checkArgument(task >= 0, "task id must be non-negative");
      Preconditions.checkNotNull(outputs, "outputs");
    }

    public long outputBytes() {
      long sum = 0;
      for (TensorArg a : outputs) {
        sum += a.size();
      }
      return sum;
    }
  }

  /** An explicit edge inside a MANUAL scope: {@code consumer} waits for {@code producer}. */
  record AddDependency(long producer, long consumer) implements Op {}
}
