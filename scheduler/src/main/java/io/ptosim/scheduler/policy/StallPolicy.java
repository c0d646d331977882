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

  StallDecision onStall(StallContext stall);

  StallDecision onProgress(StallContext stall);

  StallDecision onTimer(StallContext stall);

  /** Nothing can happen any more while the orchestrator is blocked. */
  StallDecision onQuiescent(StallContext stall);

  /** The allocation succeeded; the stall is over. */
  default void onResume(StallContext stall) {}
}
