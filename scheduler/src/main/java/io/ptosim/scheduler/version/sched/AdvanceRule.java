package io.ptosim.scheduler.version.sched;

/**
 * What a thread does when it made a task CONSUMED but lost the ring's advance try-lock to another
 * thread, whose scan may already have passed that task.
 */
public sealed interface AdvanceRule {
  /** Whether the loser records a per-ring pending request that idle scheduler iterations drain. */
  boolean marksPending();

  /**
   * pr482 (01d0723 pto_scheduler.h check_and_handle_consumed): the loser just returns, trusting the
   * holder to see its task; the holder's scan may have passed it already, so last_alive can stay
   * behind a CONSUMED head (upstream #1545) until some later CONSUMED task of the ring advances it.
   * The {@code lost-advance} fault selects this rule on main too.
   */
  record LoserReturns() implements AdvanceRule {
    @Override
    public boolean marksPending() {
      return false;
    }
  }

  /**
   * main (6ebaf77 pto_scheduler.h check_and_handle_consumed, mark_ring_advance_pending,
   * drain_pending_ring_advances; scheduler_dispatch.cpp resolve_and_dispatch no-progress branch): the
   * loser sets the ring's bit in advance_pending_mask (#1586); a scheduler thread's iteration that
   * made no progress, after its deferred releases, try-locks each pending ring, clears the bit and
   * advances; an advance that moved last_alive counts as progress.
   */
  record PendingMask() implements AdvanceRule {
    @Override
    public boolean marksPending() {
      return true;
    }
  }
}
