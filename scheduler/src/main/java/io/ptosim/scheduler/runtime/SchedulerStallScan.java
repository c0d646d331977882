package io.ptosim.scheduler.runtime;

import com.google.common.collect.ImmutableList;
import io.ptosim.des.event.Shape;
import io.ptosim.scheduler.version.sched.StallScan;

/**
 * Builds the {@link StallScan} a scheduler thread's timeout reads: every live task not yet COMPLETED
 * (ring by ring, from last_alive), and every cluster's three cores. Upstream core ids number the AIC
 * cores first, then the AIV cores (the swimlane metadata's core_types order); cluster {@code c} is
 * cluster_id {@code c}, owned by thread {@code c % threads}.
 */
final class SchedulerStallScan {
  private SchedulerStallScan() {}

  static StallScan of(DeviceRuntime rt, int thread) {
    TaskTable t = rt.tasks;
    Cores cores = rt.cores;
    ImmutableList.Builder<StallScan.TaskLine> tasks = ImmutableList.builder();
    for (Ring ring : rt.rings) {
      for (int local = ring.lastAlive; local < ring.current; local++) {
        int task = ring.taskAt(local);
        if (t.state[task] >= TaskTable.COMPLETED) {
          continue;
        }
        ImmutableList.Builder<String> on = ImmutableList.builder();
        int owner = -1;
        for (int c = 0; c < cores.clusters; c++) {
          if (cores.aicTaskAt(c) == task || cores.aicSecondAt(c) == task) {
            on.add(c + "(AIC)");
            owner = c % cores.threads;
          }
          for (int k = c * cores.aivPerCluster; k < (c + 1) * cores.aivPerCluster; k++) {
            if (cores.aivTaskAt(k) == task || cores.aivSecondAt(k) == task) {
              on.add((cores.clusters + k) + "(AIV" + (k - c * cores.aivPerCluster) + ")");
              owner = c % cores.threads;
            }
          }
        }
        ImmutableList<String> running = on.build();
        StallScan.TaskState state = !running.isEmpty() ? StallScan.TaskState.RUNNING
            : t.faninDone[task] >= t.faninTotal[task] ? StallScan.TaskState.READY : StallScan.TaskState.WAIT;
        tasks.add(new StallScan.TaskLine(ring.id, t.id(task), state, t.state[task], t.faninDone[task], t.faninTotal[task],
            kernels(t, task), owner, running));
      }
    }
    ImmutableList.Builder<StallScan.ClusterLine> clusters = ImmutableList.builder();
    for (int c = 0; c < cores.clusters; c++) {
      int k0 = c * cores.aivPerCluster;
      clusters.add(new StallScan.ClusterLine(c, c % cores.threads, core(rt, c, cores.aicTaskAt(c)),
          core(rt, cores.clusters + k0, cores.aivTaskAt(k0)),
          cores.aivPerCluster > 1 ? core(rt, cores.clusters + k0 + 1, cores.aivTaskAt(k0 + 1))
              : new StallScan.CoreLine(-1, -1, "")));
    }
    int total = rt.orchestratorFinished() ? t.size : 0;
    return new StallScan(thread, rt.threads.length, tasks.build(), clusters.build(), rt.tasksCompleted(), total,
        rt.orchestratorFinished());
  }

  private static ImmutableList<String> kernels(TaskTable t, int task) {
    int mask = t.mask[task];
    String k = t.kernel[task];
    return ImmutableList.of((mask & Shape.MASK_AIC) != 0 ? k : "-1", (mask & Shape.MASK_AIV0) != 0 ? k : "-1",
        (mask & Shape.MASK_AIV1) != 0 ? k : "-1");
  }

  private static StallScan.CoreLine core(DeviceRuntime rt, int coreId, int task) {
    return task < 0 ? new StallScan.CoreLine(coreId, -1, "") : new StallScan.CoreLine(coreId, rt.tasks.id(task),
        rt.tasks.kernel[task]);
  }
}
