package io.ptosim.scheduler.version;

import com.google.common.base.Preconditions;
import io.ptosim.scheduler.version.sched.AdvanceRule;
import io.ptosim.scheduler.version.sched.AsyncCompletionAtMain;
import io.ptosim.scheduler.version.sched.AsyncCompletionAtPr482;
import io.ptosim.scheduler.version.sched.AsyncCompletionRule;
import io.ptosim.scheduler.version.sched.DispatchRule;
import io.ptosim.scheduler.version.sched.IdleIterationLimit;
import io.ptosim.scheduler.version.sched.NoProgressBudget;
import io.ptosim.scheduler.version.sched.ReadyBufferRule;
import io.ptosim.scheduler.version.sched.SchedulerTimeoutRule;

/**
 * The scheduler-side rules of a runtime version: ready buffers, dispatch order and core fit, ring
 * advance under the try-lock, the scheduler's own timeout and its text, the deferred-completion path. Each component is a small
 * rule class behind an interface (package {@code version.sched}); docs/fidelity.md "Scheduler rules"
 * gives the upstream reference of each.
 */
public record SchedulerRules(ReadyBufferRule readyBuffers, DispatchRule dispatch, AdvanceRule advance,
    SchedulerTimeoutRule timeout, AsyncCompletionRule asyncCompletion) {

  public SchedulerRules {
    Preconditions.checkNotNull(readyBuffers, "readyBuffers");
    Preconditions.checkNotNull(dispatch, "dispatch");
    Preconditions.checkNotNull(advance, "advance");
    Preconditions.checkNotNull(timeout, "timeout");
    Preconditions.checkNotNull(asyncCompletion, "asyncCompletion");
  }

  /** The rules of upstream main at 6ebaf77. */
  public static SchedulerRules main6ebaf77() {
    return new SchedulerRules(new ReadyBufferRule.SharedOnly(), new DispatchRule.MixStrictPriority(),
        new AdvanceRule.PendingMask(), new NoProgressBudget(NoProgressBudget.MAIN_BUDGET_NS, NoProgressBudget.SCHEDULER_TIMEOUT),
        new AsyncCompletionAtMain());
  }

  /** The rules of PR #482 rebased (01d0723), the seed's runtime. */
  public static SchedulerRules pr482() {
    return new SchedulerRules(new ReadyBufferRule.LifoLocal(64), new DispatchRule.WidestFirst(),
        new AdvanceRule.LoserReturns(), new IdleIterationLimit(IdleIterationLimit.PR482_MAX_IDLE_ITERATIONS),
        new AsyncCompletionAtPr482());
  }

  /** These rules with another advance rule (the {@code lost-advance} fault selects {@link AdvanceRule.LoserReturns}). */
  public SchedulerRules withAdvance(AdvanceRule rule) {
    return new SchedulerRules(readyBuffers, dispatch, rule, timeout, asyncCompletion);
  }
}
