package io.ptosim.scheduler.version.sched;

import com.google.common.collect.ImmutableList;

/**
 * A scheduler thread's own no-progress timeout. A thread that made no progress spins one idle
 * iteration per {@code idleLoopNs}; the rule says at which idle iteration it acts and what it does.
 */
public sealed interface SchedulerTimeoutRule permits IdleIterationLimit, NoProgressBudget {

  /**
   * The idle iteration (1 = the first iteration without progress, which starts at {@code firstIdleNs})
   * at which the thread acts, given when it last made progress.
   */
  long firingIteration(long idleLoopNs, long firstIdleNs, long lastProgressNs);

  /**
   * Whether an idle spell needs a timer at all: the model does not simulate idle spins, so a timer is
   * armed only while the rule could act ({@code ownsRunning}: this thread's cores run a block).
   */
  boolean armed(boolean ownsRunning, boolean orchestratorDone);

  /** What the thread does at that iteration, with the lines it prints. */
  TimeoutAction onFire(StallScan scan, long idleIterations);

  /** What a thread does when its timeout fires. */
  sealed interface TimeoutAction {
    ImmutableList<String> lines();
  }

  /** The thread leaves its loop (its cores are shut down); no error code is latched. */
  record ThreadExit(ImmutableList<String> lines) implements TimeoutAction {}

  /** The thread latches {@code code} and the runtime shuts down. */
  record Latch(int code, String message, StallSubClass subClass, ImmutableList<String> lines) implements TimeoutAction {}

  /** The gate did not pass: the thread restarts its budget from now and keeps spinning. */
  record KeepSpinning(ImmutableList<String> lines) implements TimeoutAction {}
}
