package io.ptosim.scheduler.version.sched;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

/**
 * main's scheduler timeout (6ebaf77 scheduler_dispatch.cpp resolve_and_dispatch, no-progress branch;
 * scheduler_cold_path.cpp handle_timeout_exit, classify_stall_reason, log_stall_diagnostics): on an
 * idle iteration where more than {@code SCHEDULER_TIMEOUT_MS} (10,000 ms on sim and onboard,
 * spin_hint.h PLATFORM_SCHEDULER_TIMEOUT_MS) passed since the thread's last progress, the thread latches
 * code 100 only if it owns a RUNNING task itself, or if no thread owns one while tasks the scheduler
 * knows of remain unfinished; otherwise it restarts its budget. The latch prints TIMEOUT_EXIT with the
 * sub-class, then the SHUTDOWN_SNAPSHOT: every thread's STALL lines (TASK and SUMMARY from thread 0,
 * CLUSTER from each), all stamped with the trigger's idle_iterations.
 */
public record NoProgressBudget(long budgetNs, int errorCode) implements SchedulerTimeoutRule {
  /** Upstream SCHEDULER_TIMEOUT_MS at 6ebaf77, in ns. */
  public static final long MAIN_BUDGET_NS = 10_000L * 1_000_000L;
  /** Upstream PTO2_ERROR_SCHEDULER_TIMEOUT. */
  public static final int SCHEDULER_TIMEOUT = 100;
  private static final int RUNNING_MAX = 8;
  private static final int READY_MAX = 8;
  private static final int WAIT_MAX = 4;
  private static final int CLUSTER_MAX = 8;

  public NoProgressBudget {
    Preconditions.checkArgument(budgetNs > 0, "budgetNs must be positive");
  }

  /** The first idle iteration that starts more than the budget after the last progress. */
  @Override
  public long firingIteration(long idleLoopNs, long firstIdleNs, long lastProgressNs) {
    long step = Math.max(1, idleLoopNs);
    long due = lastProgressNs + budgetNs - firstIdleNs;
    return due < 0 ? 1 : due / step + 2;
  }

  /** The gate can pass only for a thread owning a running task, or once total_tasks_ is known (orchestrator done). */
  @Override
  public boolean armed(boolean ownsRunning, boolean orchestratorDone) {
    return ownsRunning || orchestratorDone;
  }

  @Override
  public TimeoutAction onFire(StallScan scan, long idleIterations) {
    long running = scan.count(StallScan.TaskState.RUNNING);
    long ready = scan.count(StallScan.TaskState.READY);
    long waiting = scan.count(StallScan.TaskState.WAIT);
    boolean selfOwns = scan.ownsRunning(scan.thread());
    boolean globalStuck = !selfOwns && scan.total() > 0 && scan.completed() < scan.total() && !scan.anyRunning();
    if (!selfOwns && !globalStuck) {
      return new KeepSpinning(ImmutableList.of());
    }
    StallSubClass sub = StallSubClass.of(running, ready, waiting, scan.orchestratorDone());
    StallScan.TaskLine stuck = scan.tasks().stream().filter(t -> t.state() == StallScan.TaskState.RUNNING).findFirst()
        .orElse(null);
    String prefix = prefix(scan.thread(), idleIterations);
    String exit = prefix + "TIMEOUT_EXIT after_idle_iterations=" + idleIterations + " sub_class=" + sub.label()
        + " completed=" + scan.completed() + "/" + scan.total() + " running=" + running + " ready=" + ready + " waiting="
        + waiting + " orch_done=" + (scan.orchestratorDone() ? 1 : 0) + " stuck_task_id=" + (stuck == null ? -1 : stuck.taskId())
        + " stuck_core=" + (stuck == null ? -1 : firstCore(stuck));
    ImmutableList.Builder<String> out = ImmutableList.builder();
    out.add(exit);
    out.add("[SHUTDOWN_SNAPSHOT trigger_thread=" + scan.thread() + " reason=scheduler_timeout idle_iterations="
        + idleIterations + "] dumping all scheduler threads before emergency shutdown");
    for (int t = 0; t < scan.threads(); t++) {
      diagnostics(scan, t, idleIterations, out);
    }
    return new Latch(errorCode, exit, sub, out.build());
  }

  private static String prefix(int thread, long idleIterations) {
    return "[STALL thread=" + thread + " idle_iterations=" + idleIterations + "] ";
  }

  private static int firstCore(StallScan.TaskLine t) {
    String c = t.cores().get(0);
    return Integer.parseInt(c.substring(0, c.indexOf('(')));
  }

  private static void diagnostics(StallScan scan, int thread, long idleIterations, ImmutableList.Builder<String> out) {
    String prefix = prefix(thread, idleIterations);
    if (thread == 0) {
      int running = 0;
      int ready = 0;
      int waiting = 0;
      for (StallScan.TaskLine t : scan.tasks()) {
        String head = prefix + "TASK ring=" + t.ring() + " task_id=" + t.taskId() + " state=";
        String kernels = " kernels=[aic:" + t.kernels().get(0) + " aiv0:" + t.kernels().get(1) + " aiv1:"
            + t.kernels().get(2) + "]";
        String fanin = " fanin_refcount=" + t.faninDone() + "/" + t.faninTotal();
        switch (t.state()) {
          case RUNNING -> {
            if (++running <= RUNNING_MAX) {
              out.add(head + "RUNNING" + fanin + kernels + " running_on=[owner_thread=" + t.ownerThread() + " cores=["
                  + String.join(" ", t.cores().stream().map(c -> "core=" + c).toList()) + "]]");
            }
          }
          case READY -> {
            if (++ready <= READY_MAX) {
              out.add(head + "READY  " + fanin + kernels);
            }
          }
          case WAIT -> {
            if (++waiting <= WAIT_MAX) {
              out.add(head + "WAIT   " + fanin + kernels + " missing_deps=" + (t.faninTotal() - t.faninDone()));
            }
          }
        }
      }
      out.add(prefix + "SUMMARY completed=" + scan.completed() + "/" + scan.total() + " last_progress_iteration="
          + scan.completed() + " scan_ready=" + ready + " scan_waiting=" + waiting + " scan_running=" + running);
    }
    int shown = 0;
    for (StallScan.ClusterLine c : scan.clusters()) {
      if (c.thread() != thread || shown++ == CLUSTER_MAX) {
        continue;
      }
      out.add(prefix + "CLUSTER cluster_id=" + c.clusterId() + " aic=" + core(c.aic()) + " aiv0=" + core(c.aiv0())
          + " aiv1=" + core(c.aiv1()));
    }
  }

  private static String core(StallScan.CoreLine c) {
    return c.idle() ? "core" + c.coreId() + "(idle)"
        : "core" + c.coreId() + "(busy kernel=" + c.kernel() + " task=" + c.taskId() + " cond_reg_state=ack)";
  }
}
