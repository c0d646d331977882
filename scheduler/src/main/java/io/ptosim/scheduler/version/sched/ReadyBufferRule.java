package io.ptosim.scheduler.version.sched;

import com.google.common.base.Preconditions;

/**
 * Where a scheduler thread puts a task whose fanin it completed: into its own local ready buffer
 * (taken back last in, first out, before the shared FIFO queue) or straight into the shared queue.
 */
public sealed interface ReadyBufferRule {
  /** Local buffer slots per shape; 0 means every ready task goes to the shared queue. */
  int localCapacity();

  /**
   * pr482 (01d0723 aicpu_executor.cpp resolve_and_dispatch_pto2, {@code LOCAL_READY_CAP_PER_TYPE = 64};
   * pto_scheduler.h get_ready_tasks_batch pops {@code slot_states[--count]}): three stack buffers of 64,
   * popped LIFO, leftovers pushed to the shared queue at the end of the iteration.
   */
  record LifoLocal(int localCapacity) implements ReadyBufferRule {
    public LifoLocal {
      Preconditions.checkArgument(localCapacity > 0, "localCapacity must be positive");
    }
  }

  /** main (6ebaf77 pto_scheduler.h get_ready_tasks_batch, push_ready_routed): no local buffers, the shared queue only. */
  record SharedOnly() implements ReadyBufferRule {
    @Override
    public int localCapacity() {
      return 0;
    }
  }
}
