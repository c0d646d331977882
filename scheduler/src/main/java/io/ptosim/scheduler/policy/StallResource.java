package io.ptosim.scheduler.policy;

/**
 * What a blocked allocation waits for, with upstream's error code and fatal message for it. All
 * three are reclaimed only when the ring's last_alive advances.
 */
public enum StallResource {
  /** No free slot in the ring's task window. */
  TASK_RING("task_ring", 3, "FATAL: Task Allocator Deadlock - Task Ring Full!"),
  /** The ring's output heap cannot hold the task's outputs. */
  HEAP("heap", 2, "FATAL: Task Allocator Deadlock - Heap Exhausted!"),
  /** The ring's dependency-list pool cannot hold the task's fanin entries. */
  DEP_POOL("dep_pool", 4, "FATAL: Dependency Pool Deadlock Detected!");

  private final String traceName;
  private final int errorCode;
  private final String fatalMessage;

  StallResource(String traceName, int errorCode, String fatalMessage) {
    this.traceName = traceName;
    this.errorCode = errorCode;
    this.fatalMessage = fatalMessage;
  }

  /** The word in the trace and the snapshot: {@code task_ring}, {@code heap}, {@code dep_pool}. */
  public String traceName() {
    return traceName;
  }

  /**
   * Upstream's orch_error_code for a deadlock on this resource: 3 FLOW_CONTROL_DEADLOCK, 2
   * HEAP_RING_DEADLOCK, 4 DEP_POOL_OVERFLOW.
   */
  public int errorCode() {
    return errorCode;
  }

  /** The first line upstream's allocator prints when it gives up on this resource. */
  public String fatalMessage() {
    return fatalMessage;
  }
}
