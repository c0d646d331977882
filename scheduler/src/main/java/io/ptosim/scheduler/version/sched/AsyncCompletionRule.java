package io.ptosim.scheduler.version.sched;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * The version's deferred-completion path (a kernel registering completion conditions): whether it
 * has one at all, and where it does, the capacities whose overflow latches a scheduler error code and
 * ends the run, and the device's report of that code. Where it has none, a kernel registering
 * conditions does not build, so a program with such a task is refused before the run.
 */
public interface AsyncCompletionRule {
  /** PTO2_ERROR_ASYNC_WAIT_OVERFLOW (6ebaf77 pto_runtime_status.h). */
  int ASYNC_WAIT_OVERFLOW = 102;
  /** PTO2_ERROR_ASYNC_REGISTRATION_FAILED (6ebaf77 pto_runtime_status.h). */
  int ASYNC_REGISTRATION_FAILED = 103;

  /** Why the version cannot run a task whose kernel registers completion conditions, or empty when it can. */
  Optional<String> unavailable();

  /** Conditions one subtask's deferred slab holds; registering one more latches {@link #ASYNC_WAIT_OVERFLOW}. */
  int slabCapacity();

  /** Conditions one task's async wait entry holds; appending one more latches {@link #ASYNC_REGISTRATION_FAILED}. */
  int entryCapacity();

  /** Entries (tasks with conditions in flight) the async wait list holds; one more latches {@link #ASYNC_WAIT_OVERFLOW}. */
  int waitListCapacity();

  /** The device log's report of a latched async code, line by line. */
  ImmutableList<String> report(int code);
}
