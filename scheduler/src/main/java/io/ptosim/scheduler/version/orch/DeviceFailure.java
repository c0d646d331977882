package io.ptosim.scheduler.version.orch;

import com.google.common.base.Preconditions;
import io.ptosim.scheduler.policy.StallResource;

/**
 * What the simulated device knew when it gave up, as the version's {@link DiagnosticText} prints
 * it: the numbers of upstream's fatal reports, and nothing the device could not have seen.
 */
public sealed interface DeviceFailure {

  /** How an allocator stall was judged fatal. */
  enum Detection {
    /** The ring head is the oldest task of an open scope on the ring (main's #1610 check). */
    STRUCTURAL,
    /** No reclaim progress for 500 ms (main's backstop). */
    BACKSTOP,
    /** No progress for 100,000 spins (pr482's heuristic). */
    SPIN_LIMIT,
    /** A ptosim policy decided (checker and friends); the version's report is printed as is. */
    POLICY
  }

  /** One ring's flow-control state: task window, heap, dependency pool and fanin spill pool. */
  record RingState(int ring, long current, long lastAlive, long window, long heapTop, long heapTail, long heapSize,
      long depCapacity, long depTop, long depTail, long depHighWater, long faninCapacity, long faninTop, long faninTail,
      long faninHighWater) {
    /** A ring whose fanin spill pool is unused (as large as its dependency pool, as upstream sizes it). */
    public RingState(int ring, long current, long lastAlive, long window, long heapTop, long heapTail, long heapSize,
        long depCapacity, long depTop, long depTail, long depHighWater) {
      this(ring, current, lastAlive, window, heapTop, heapTail, heapSize, depCapacity, depTop, depTail, depHighWater,
          depCapacity, 1, 1, 0);
    }

    public long active() {
      return current - lastAlive;
    }

    public long depUsed() {
      return depTop - depTail;
    }

    public long faninUsed() {
      return faninTop - faninTail;
    }
  }

  /**
   * The ring head's slot: its state in the model's numbering (0..4), its consumers released of
   * those wired (the owning scope's reference left out) and whether the scope released it.
   */
  record HeadTask(long localId, int modelState, long consumersDone, long consumersTotal, boolean scopeReleased) {}

  /** {@code check_scope_can_accept_task}: the innermost scope already holds {@code window - 1} tasks. */
  record ScopeDeadlock(int ring, int scopeDepth, long scopeTaskCount, long activeTasks, long window)
      implements DeviceFailure {}

  /** The task allocator (slot, heap), the dependency pool or the fanin spill pool gave up. */
  record AllocatorDeadlock(StallResource resource, Detection detection, long spins, RingState ring,
      long requestedBytes, long neededEntries, HeadTask head) implements DeviceFailure {
    public AllocatorDeadlock {
      Preconditions.checkNotNull(resource, "resource");
      Preconditions.checkNotNull(detection, "detection");
      Preconditions.checkNotNull(ring, "ring");
      Preconditions.checkNotNull(head, "head");
    }
  }

  /** A refused call (code 5): scope_begin or add_dependency where the version does not allow it. */
  record InvalidArgs(Call call, String message) implements DeviceFailure {
    public InvalidArgs {
      Preconditions.checkNotNull(call, "call");
      Preconditions.checkNotNull(message, "message");
    }
  }

  /**
   * A fatal the orchestrator reports itself, with the code it latches (0: none): the submit-time
   * require_sync_start guard, or the orchestration's own {@code rt_report_fatal}.
   */
  record OrchestratorFatal(Call call, int code, String message) implements DeviceFailure {
    public OrchestratorFatal {
      Preconditions.checkNotNull(call, "call");
      Preconditions.checkNotNull(message, "message");
    }
  }

  /**
   * A MANUAL task over the version's fanin limit ({@link FaninLimitRule}): found at scope_end
   * ({@code explicitEdge} false, {@code faninCount} its fanin) or by an add_dependency
   * ({@code explicitEdge} true, {@code faninCount} what the edge would make it).
   */
  record DependencyOverflow(long taskId, int faninCount, int limit, boolean explicitEdge) implements DeviceFailure {}

  /** The orchestration API call a version refused; its {@link DiagnosticText} names the upstream function. */
  enum Call {
    SCOPE_BEGIN,
    ADD_DEPENDENCY,
    /** A submit refused by a submit-time guard (require_sync_start). */
    SUBMIT,
    /** The orchestration's explicit {@code rt_report_fatal}. */
    REPORT_FATAL
  }
}
