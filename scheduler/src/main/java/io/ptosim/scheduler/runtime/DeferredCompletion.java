package io.ptosim.scheduler.runtime;

import io.ptosim.scheduler.program.Op;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.version.sched.AsyncCompletionRule;
import java.util.Optional;

/**
 * Deferred completion (6ebaf77 scheduler_completion.cpp, pto_async_wait.h): a kernel that registers
 * completion conditions before it returns makes its task's completion deferred. The scheduler marks
 * the task deferred, hands the conditions of each finished subtask to the async wait list (one entry
 * per task), then the finished task itself, and completes it only when a poll finds every condition
 * met. Upstream infers this from what the kernel registered (#686); the model reads it off the
 * submit: its {@code completion_conditions}, or by default the kernel: {@value #WAITER_KERNEL}
 * registers one condition per subtask, every other kernel none. The modelled device has no peer
 * ranks, so a condition (a peer's signal, a counter) is already met when the kernel returns and the
 * next poll, one scheduler iteration later, completes the task. The capacities that can end a run
 * here (code 102, 103) are the version's {@link io.ptosim.scheduler.version.sched.AsyncCompletionRule}.
 */
public final class DeferredCompletion {
  /** The waiter kernel's name (pypto's {@code pld.system.defer_wait} task). */
  public static final String WAITER_KERNEL = "defer_wait";

  private DeferredCompletion() {}

  /** Completion conditions each subtask of {@code submit} registers: its own count, else the kernel's. */
  public static int conditionsPerSubtask(Op.Submit submit) {
    return submit.completionConditions().orElse(WAITER_KERNEL.equals(submit.kernel()) ? 1 : 0);
  }

  /**
   * An {@link IllegalArgumentException} naming the first submit of {@code program} whose kernel
   * registers completion conditions, when the version has no deferred completion.
   */
  public static void check(Program program, AsyncCompletionRule rule) {
    Optional<String> why = rule.unavailable();
    if (why.isEmpty()) {
      return;
    }
    for (int i = 0; i < program.ops().size(); i++) {
      if (program.ops().get(i) instanceof Op.Submit s && conditionsPerSubtask(s) > 0) {
        String what = s.completionConditions().isPresent() ? "completion_conditions " + conditionsPerSubtask(s)
            : "kernel '" + s.kernel() + "'";
        throw new IllegalArgumentException("op " + i + ": (submit " + what + ") " + why.get());
      }
    }
  }
}
