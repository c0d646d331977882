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

  /** One ring's flow-control state: task window, heap and dependency pool. */
  record RingState(int ring, long current, long lastAlive, long window, long heapTop, long heapTail, long heapSize,
      long depCapacity, long depTop, long depTail, long depHighWater) {
    public long active() {
      return current - lastAlive;
    }

    public long depUsed() {
      return depTop - depTail;
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

  /** The task allocator (slot, heap) or the dependency pool gave up. */
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

  /** The orchestration API call a version refused; its {@link DiagnosticText} names the upstream function. */
  enum Call {
    SCOPE_BEGIN,
    ADD_DEPENDENCY
  }
}
