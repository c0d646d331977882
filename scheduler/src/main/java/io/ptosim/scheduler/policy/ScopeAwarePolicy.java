package io.ptosim.scheduler.policy;

import java.util.Optional;

/**
 * The later upstream allocator (#277 pre-check, #1132 detector, #1610 scope-aware rule):
 *
 * <ul>
 *   <li>a submit into a scope already holding {@code window - 1} tasks of its ring fails at once with
 *       code 1, {@code FATAL: Scope Deadlock Detected!};
 *   <li>a stall whose ring head is the oldest task owned by any open scope on that ring (ring 3:
 *       any depth from 3 on) is a proven cycle (no scope the blocked orchestrator could end frees it): abort at once with the
 *       resource's code (3 task ring, 2 heap, 4 dep pool) and HEAD's message with {@code ring=R};
 *   <li>otherwise wait, with a backstop: {@value #BACKSTOP_NS} ns of virtual time without the
 *       orchestrator seeing last_alive increase aborts the same way.
 * </ul>
 */
final class ScopeAwarePolicy implements StallPolicy {
  /** Upstream PTO2_ALLOC_DEADLOCK_TIMEOUT_CYCLES: half a second of the 50 MHz counter. */
  static final long BACKSTOP_NS = 500_000_000L;

  @Override
  public String name() {
    return StallPolicies.SCOPE_AWARE;
  }

  @Override
  public boolean checksScopeCapacity() {
    return true;
  }

  @Override
  public StallDecision onStall(StallContext stall) {
    if (stall.headIsOldestOpenScopeTask()) {
      stall.verdict("SCOPE_CYCLE", "head task " + stall.lastAlive() + " of ring " + stall.ring()
          + " is the oldest task of an open scope on this ring: no open scope can end while the orchestrator is blocked",
          Optional.empty());
      return abort(stall);
    }
    stall.armTimer(stall.lastProgressNs() + BACKSTOP_NS);
    return StallDecision.keepWaiting();
  }

  @Override
  public StallDecision onTimer(StallContext stall) {
    stall.verdict("BACKSTOP", "no reclaim progress on ring " + stall.ring() + " for " + BACKSTOP_NS
        + " ns (last_alive " + stall.lastAlive() + ", current " + stall.current() + ")", Optional.empty());
    return abort(stall);
  }

  private static StallDecision abort(StallContext stall) {
    return StallDecision.abort(stall.resource().errorCode(), LegacyPolicy.message(stall) + " ring=" + stall.ring());
  }
}
