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

  /**
   * Completion conditions the subtask in {@code slot} ({@link Op.Submit#AIC}, {@link Op.Submit#AIV0},
   * {@link Op.Submit#AIV1}) of {@code submit} registers: none for a slot its mask leaves out, else the
   * submit's own count, else that slot's kernel's ({@code core_kernels} name one per core).
   */
  public static int conditionsPerSubtask(Op.Submit submit, int slot) {
    if ((submit.activeMask() & (1 << slot)) == 0) {
      return 0;
    }
    return submit.completionConditions().orElse(WAITER_KERNEL.equals(submit.kernelOf(slot)) ? 1 : 0);
  }

  /** The most completion conditions any subtask of {@code submit} registers. */
  public static int conditionsPerSubtask(Op.Submit submit) {
    int most = 0;
    for (int slot = Op.Submit.AIC; slot <= Op.Submit.AIV1; slot++) {
      most = Math.max(most, conditionsPerSubtask(submit, slot));
    }
    return most;
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
            : "kernel '" + WAITER_KERNEL + "'";
        throw new IllegalArgumentException("op " + i + ": (submit " + what + ") " + why.get());
      }
    }
  }
}
