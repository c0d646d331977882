package io.ptosim.scheduler.version.sched;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

/**
 * pr482's scheduler timeout (01d0723 aicpu_executor.cpp resolve_and_dispatch_pto2): a thread counts
 * its consecutive iterations without progress; past {@code MAX_IDLE_ITERATIONS} (800,000) it prints
 * {@code Thread T: PTO2 timeout after N idle iterations} and returns -1, which only ends that thread
 * (run() logs it and shuts its cores down) and latches no error code. Every {@code STALL_LOG_INTERVAL}
 * (50,000) idle iterations thread 0 prints the {@code PTO2 stall} scan once the orchestrator is done;
 * the model prints the last of those, at iteration 800,000, just before the timeout.
 */
public record IdleIterationLimit(long maxIdleIterations) implements SchedulerTimeoutRule {
  /** Upstream MAX_IDLE_ITERATIONS at 01d0723. */
  public static final long PR482_MAX_IDLE_ITERATIONS = 800_000;
  private static final int READY_MAX = 8;
  private static final int WAIT_MAX = 4;
  private static final int CORE_MAX = 8;

  public IdleIterationLimit {
    Preconditions.checkArgument(maxIdleIterations > 0, "maxIdleIterations must be positive");
  }

  /** Fires on the iteration that makes the count exceed the limit. */
  @Override
  public long firingIteration(long idleLoopNs, long firstIdleNs, long lastProgressNs) {
    return maxIdleIterations + 1;
  }

  /** pr482 counts every idle spell, whatever the thread or the orchestrator is doing. */
  @Override
  public boolean armed(boolean ownsRunning, boolean orchestratorDone) {
    return true;
  }

  @Override
  public TimeoutAction onFire(StallScan scan, long idleIterations) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    if (scan.thread() == 0 && scan.total() > 0) {
      stallDump(scan, idleIterations - 1, out);
    }
    out.add("Thread " + scan.thread() + ": PTO2 timeout after " + idleIterations + " idle iterations");
    return new ThreadExit(out.build());
  }

  private static void stallDump(StallScan scan, long iterations, ImmutableList.Builder<String> out) {
    out.add("PTO2 stall: no progress for " + iterations + " iterations, completed=" + scan.completed() + " total="
        + scan.total() + " (last progress at " + scan.completed() + ")");
    int ready = 0;
    int waiting = 0;
    int inFlight = 0;
    for (StallScan.TaskLine t : scan.tasks()) {
      // pr482 counts READY and RUNNING slots as in flight; a PENDING slot with its fanin met is the bug it hunts
      if (t.state() == StallScan.TaskState.RUNNING || t.stateNumber() != 0) {
        inFlight++;
        continue;
      }
      boolean met = t.faninDone() >= t.faninTotal();
      String kind = met ? "  STUCK-READY  " : "  STUCK-WAIT   ";
      int n = met ? ++ready : ++waiting;
      if (n <= (met ? READY_MAX : WAIT_MAX)) {
        out.add(kind + "ring=" + t.ring() + " task_id=" + t.taskId() + " kernel_id=" + t.kernels().get(0) + " refcount="
            + t.faninDone() + " fanin=" + t.faninTotal() + " state=" + t.stateNumber());
      }
    }
    out.add("  scan result: stuck_ready=" + ready + " stuck_waiting=" + waiting + " in_flight=" + inFlight);
    int aic = 0;
    int aiv = 0;
    int coreNum = 0;
    for (StallScan.ClusterLine c : scan.clusters()) {
      if (c.thread() != scan.thread()) {
        continue;
      }
      coreNum += 3;
      aic += c.aic().idle() ? 0 : 1;
      aiv += (c.aiv0().idle() ? 0 : 1) + (c.aiv1().idle() ? 0 : 1);
    }
    out.add("  thread=" + scan.thread() + " running_cores=" + (aic + aiv) + " (AIC=" + aic + " AIV=" + aiv + ") core_num="
        + coreNum);
    int shown = 0;
    for (StallScan.ClusterLine c : scan.clusters()) {
      if (c.thread() != scan.thread() || shown == CORE_MAX) {
        continue;
      }
      shown++;
      out.add("    cluster[" + (shown - 1) + "] aic=" + c.aic().coreId() + "(" + busy(c.aic()) + ") aiv0=" + c.aiv0().coreId()
          + "(" + busy(c.aiv0()) + ") aiv1=" + c.aiv1().coreId() + "(" + busy(c.aiv1()) + ")");
    }
  }

  private static String busy(StallScan.CoreLine c) {
    return c.idle() ? "idle" : "busy";
  }
}
