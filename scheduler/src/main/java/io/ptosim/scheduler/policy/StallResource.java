package io.ptosim.scheduler.policy;

/**
 * What a blocked allocation waits for, with upstream's error code and fatal message for it. All
 * four are reclaimed only when the ring's last_alive advances.
 */
public enum StallResource {
  /** No free slot in the ring's task window. */
  TASK_RING("task_ring", 3, "FATAL: Task Allocator Deadlock - Task Ring Full!"),
  /** The ring's output heap cannot hold the task's outputs. */
  HEAP("heap", 2, "FATAL: Task Allocator Deadlock - Heap Exhausted!"),
  /** The ring's dependency-list pool cannot hold the task's fanin entries. */
  DEP_POOL("dep_pool", 4, "FATAL: Dependency Pool Deadlock Detected!"),
  /**
   * The ring's fanin spill pool cannot hold the next fanin edge past the inline cap
   * ({@code PTO2FaninPool::ensure_space}); main latches DEP_POOL_OVERFLOW for it too.
   */
  FANIN_POOL("fanin_pool", 4, "FATAL: Fanin Spill Pool Deadlock Detected!");

  private final String traceName;
  private final int errorCode;
  private final String fatalMessage;

  StallResource(String traceName, int errorCode, String fatalMessage) {
    this.traceName = traceName;
    this.errorCode = errorCode;
    this.fatalMessage = fatalMessage;
  }

  /**
   * Whether this is a pool the orchestrator's {@code ensure_space} waits on (dependency pool, fanin
   * spill pool) rather than the task allocator (slot, heap).
   */
  public boolean pool() {
    return this == DEP_POOL || this == FANIN_POOL;
  }

  /** The word in the trace and the snapshot: {@code task_ring}, {@code heap}, {@code dep_pool}, {@code fanin_pool}. */
  public String traceName() {
    return traceName;
  }

  /**
   * Upstream's orch_error_code for a deadlock on this resource: 3 FLOW_CONTROL_DEADLOCK, 2
   * HEAP_RING_DEADLOCK, 4 DEP_POOL_OVERFLOW (both pools).
   */
  public int errorCode() {
    return errorCode;
  }

  /** The first line upstream's allocator prints when it gives up on this resource. */
  public String fatalMessage() {
    return fatalMessage;
  }
}
