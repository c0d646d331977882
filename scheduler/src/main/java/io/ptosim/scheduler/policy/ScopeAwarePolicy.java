package io.ptosim.scheduler.policy;

import java.util.Optional;

/**
 * Upstream main's allocator at 6ebaf77 ({@code PTO2TaskAllocator::alloc},
 * {@code PTO2DepListPool::ensure_space}): #277's pre-check, then, while last_alive does not move,
 * a check every {@value #CHECK_SPINS} spins:
 *
 * <ul>
 *   <li>a submit into a scope already holding {@code window - 1} tasks of its ring fails at once with
 *       code 1, {@code FATAL: Scope Deadlock Detected! (ring R)};
 *   <li>at each check, a ring head that is the oldest task owned by any open scope on that ring
 *       (ring 3: any depth from 3 on) is a proven cycle (#1610): abort with the resource's code (3
 *       task ring, 2 heap, 4 dep pool); the fanin spill pool's {@code ensure_space} has no such check;
 *   <li>the first check starts a {@value #BACKSTOP_NS} ns clock; the first check at or after it
 *       aborts the same way (the backstop).
 * </ul>
 *
 * Progress (last_alive increasing) restarts the count. A spin costs the platform's {@code spinNs}.
 */
final class ScopeAwarePolicy implements StallPolicy {
  /** Upstream PTO2_ALLOC_DEADLOCK_TIMEOUT_CYCLES: half a second of the 50 MHz counter. */
  static final long BACKSTOP_NS = 500_000_000L;
  /** The allocator and the pool run their deadlock checks once per this many spins without progress. */
  static final long CHECK_SPINS = 1024;

  /** When the current no-progress run's first check falls; the backstop clock starts there. */
  private long firstCheckNs;
  private boolean firstCheckPending;

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
    firstCheckNs = stall.lastProgressNs() + gateNs(stall);
    firstCheckPending = true;
    stall.armTimer(firstCheckNs);
    return StallDecision.keepWaiting();
  }

  @Override
  public StallDecision onTimer(StallContext stall) {
    if (firstCheckPending) {
      firstCheckPending = false;
      // Main's PTO2FaninPool::ensure_space takes no oldest open task: the spill pool has the backstop only.
      if (stall.resource() != StallResource.FANIN_POOL && stall.headIsOldestOpenScopeTask()) {
        stall.verdict("SCOPE_CYCLE", "head task " + stall.lastAlive() + " of ring " + stall.ring()
            + " is the oldest task of an open scope on this ring: no open scope can end while the orchestrator is blocked",
            Optional.empty());
        return abort(stall);
      }
      // The head and the open scopes cannot change without progress, so only the backstop's check remains.
      long gate = gateNs(stall);
      long checks = (BACKSTOP_NS + gate - 1) / gate;
      stall.armTimer(firstCheckNs + checks * gate);
      return StallDecision.keepWaiting();
    }
    stall.verdict("BACKSTOP", "no reclaim progress on ring " + stall.ring() + " for " + BACKSTOP_NS
        + " ns (last_alive " + stall.lastAlive() + ", current " + stall.current() + ")", Optional.empty());
    return abort(stall);
  }

  private static long gateNs(StallContext stall) {
    return CHECK_SPINS * stall.platform().spinNs();
  }

  /** Main's headers: the allocator's carry {@code ring=R}; the pools' have no ring. */
  private static StallDecision abort(StallContext stall) {
    StallResource r = stall.resource();
    String message = r.pool() ? r.fatalMessage() : r.fatalMessage() + " ring=" + stall.ring();
    return StallDecision.abort(r.errorCode(), message);
  }
}
