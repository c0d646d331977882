package io.ptosim.scheduler.policy;

/**
 * Decides what a blocked allocation does: keep waiting, or abort the run as a deadlock. The runtime
 * calls it when the orchestrator blocks, when the ring's last_alive increases but the allocation
 * still fails, when the policy's timer fires, and when the kernel has nothing left to run.
 * Policies are small, stateless between runs, and created fresh per run by {@link StallPolicies}.
 */
public interface StallPolicy {

  /** The name {@link StallPolicies#byName} knows it by. */
  String name();

  /**
   * Whether a submit into a scope that already holds {@code window - 1} tasks on its ring fails at
   * once with code 1, {@code FATAL: Scope Deadlock Detected!} (upstream #277's pre-check).
   */
  default boolean checksScopeCapacity() {
    return false;
  }

  /** The orchestrator just blocked. */
  StallDecision onStall(StallContext stall);

  /** The ring's last_alive increased but the allocation still fails; by default, judged as a new stall. */
  default StallDecision onProgress(StallContext stall) {
    return onStall(stall);
  }

  /** The timer this policy armed fired. */
  default StallDecision onTimer(StallContext stall) {
    return StallDecision.keepWaiting();
  }

  /**
   * Nothing can happen any more while the orchestrator is blocked; waiting then ends the run
   * QUIESCENT_BLOCKED. A policy with a timer armed never gets here.
   */
  default StallDecision onQuiescent(StallContext stall) {
    return StallDecision.keepWaiting();
  }

  /** The allocation succeeded; the stall is over. */
  default void onResume(StallContext stall) {}
}
