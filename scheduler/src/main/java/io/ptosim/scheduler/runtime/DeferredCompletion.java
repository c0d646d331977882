package io.ptosim.scheduler.runtime;

/**
 * Deferred completion (6ebaf77 scheduler_completion.cpp, pto_async_wait.h): a kernel that registers
 * a wait condition before it returns makes its task's completion deferred. The scheduler marks the
 * task deferred, hands the finished task to the async wait list, and completes it only when a poll
 * finds the condition met. Upstream infers this from what the kernel registered (#686); the model
 * reads it off the kernel: {@value #WAITER_KERNEL} registers one condition per block. The modelled
 * device has no peer ranks, so the condition (a peer's signal) is already met when the kernel
 * returns and the next poll, one scheduler iteration later, completes the task.
 */
public final class DeferredCompletion {
  /** The waiter kernel's name (pypto's {@code pld.system.defer_wait} task). */
  public static final String WAITER_KERNEL = "defer_wait";

  private DeferredCompletion() {}

  /** Whether blocks of {@code kernel} register a completion condition. */
  static boolean registersCondition(String kernel) {
    return WAITER_KERNEL.equals(kernel);
  }
}
