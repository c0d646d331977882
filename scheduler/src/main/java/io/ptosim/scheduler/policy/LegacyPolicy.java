package io.ptosim.scheduler.policy;

import java.util.Optional;

/**
 * The seed-era allocator: #277's scope pre-check (a submit into a scope already holding
 * {@code window - 1} tasks of its ring fails at once with code 1, {@code FATAL: Scope Deadlock
 * Detected!}, without spinning), and for every other stall the spin heuristic: abort after
 * {@value #SPIN_LIMIT} spins in which the ring's last_alive did not increase. The spin budget is
 * modelled as one timer of {@code SPIN_LIMIT * spinNs} that restarts whenever the orchestrator sees
 * last_alive increase; progress that is real but not yet retired (a READY task, a running kernel)
 * is invisible to it. A pool stall (01d0723's {@code PTO2DepListPool::ensure_space} and
 * {@code PTO2FaninPool::ensure_space}, both PTO2_DEP_POOL_SPIN_LIMIT = 100,000 spins) prints
 * {@code (ring R)} and exits without an error code (code 0).
 */
final class LegacyPolicy implements StallPolicy {
  /** Upstream PTO2_ALLOC_SPIN_LIMIT. */
  static final long SPIN_LIMIT = 100_000;

  @Override
  public String name() {
    return StallPolicies.LEGACY;
  }

  /** The seed runtime already had #277's pre-check ({@code pto2_check_scope_can_accept_task}). */
  @Override
  public boolean checksScopeCapacity() {
    return true;
  }

  @Override
  public StallDecision onStall(StallContext stall) {
    stall.armTimer(stall.nowNs() + budgetNs(stall));
    return StallDecision.keepWaiting();
  }

  @Override
  public StallDecision onTimer(StallContext stall) {
    stall.verdict("SPIN_LIMIT", "last_alive of ring " + stall.ring() + " stayed at " + stall.lastAlive() + " for "
        + SPIN_LIMIT + " spins (" + budgetNs(stall) + " ns); current=" + stall.current(), Optional.empty());
    // 01d0723's pools (dep list, fanin spill) print their report and call exit(1): no orch_error_code is latched.
    int code = stall.resource().pool() ? 0 : stall.resource().errorCode();
    return StallDecision.abort(code, message(stall));
  }

  private static long budgetNs(StallContext stall) {
    return SPIN_LIMIT * stall.platform().spinNs();
  }

  static String message(StallContext stall) {
    StallResource r = stall.resource();
    return r.pool() ? r.fatalMessage() + " (ring " + stall.ring() + ")" : r.fatalMessage();
  }
}
