package io.ptosim.scheduler.version.sched;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * Upstream main at 6ebaf77. Every dispatched subtask gets a deferred slab of
 * {@code MAX_COMPLETIONS_PER_TASK} (64) entries ({@code aicore_completion_mailbox_types.h});
 * {@code register_completion_condition} ({@code pto_async_kernel_api.h}) past it writes
 * ASYNC_WAIT_OVERFLOW (102) into the slab's error code instead. The scheduler thread that collects
 * the subtask's finish ({@code SchedulerContext::complete_slot_task}, {@code scheduler_completion.cpp})
 * latches a non-zero slab error as {@code sched_error_code} (first writer wins) and stops, before it
 * completes the subtask. Otherwise it pushes the slab's conditions to the completion mailbox, whose
 * consumer ({@code AsyncWaitList::drain_aicore_completion_mailbox_locked}, {@code pto_async_wait.h})
 * opens one wait entry per task, {@code MAX_ASYNC_WAITS} (64) at most (one more: 102), and appends
 * each condition to its task's entry, {@code MAX_COMPLETIONS_PER_TASK} at most (one more:
 * ASYNC_REGISTRATION_FAILED, 103); the poll path ({@code scheduler_dispatch.cpp}) latches the
 * drain's error and stops. No device function logs the code; the executor prints
 * {@code aicpu_execute: PTO2 runtime failed with rc=-N} ({@code aicpu_executor.cpp}).
 */
public final class AsyncCompletionAtMain implements AsyncCompletionRule {
  /** Upstream MAX_COMPLETIONS_PER_TASK at 6ebaf77. */
  public static final int MAX_COMPLETIONS_PER_TASK = 64;
  /** Upstream MAX_ASYNC_WAITS at 6ebaf77. */
  public static final int MAX_ASYNC_WAITS = 64;

  @Override
  public Optional<String> unavailable() {
    return Optional.empty();
  }

  @Override
  public int slabCapacity() {
    return MAX_COMPLETIONS_PER_TASK;
  }

  @Override
  public int entryCapacity() {
    return MAX_COMPLETIONS_PER_TASK;
  }

  @Override
  public int waitListCapacity() {
    return MAX_ASYNC_WAITS;
  }

  @Override
  public ImmutableList<String> report(int code) {
    return ImmutableList.of("[ERROR] aicpu_execute: aicpu_execute: PTO2 runtime failed with rc=-" + code);
  }
}
