package io.ptosim.scheduler.version.sched;

import com.google.common.collect.ImmutableList;

/**
 * What a scheduler thread sees when its timeout fires: every live task not yet COMPLETED (in ring
 * order, from last_alive), every cluster with its three cores, and the run's counters. The runtime
 * fills it; the timeout rule turns it into the version's own text and decision.
 *
 * @param thread the thread whose timeout fired
 * @param threads the number of scheduler threads
 * @param tasks live tasks not yet COMPLETED
 * @param clusters every cluster, in cluster order
 * @param completed tasks COMPLETED so far
 * @param total tasks the scheduler knows of (0 while the orchestrator still runs, as upstream's total_tasks_)
 * @param orchestratorDone whether the orchestrator finished
 */
public record StallScan(
    int thread, int threads, ImmutableList<TaskLine> tasks, ImmutableList<ClusterLine> clusters, int completed,
    int total, boolean orchestratorDone) {

  /** How a live task looks to the scan: on a core, fanin satisfied, or waiting for producers. */
  public enum TaskState { RUNNING, READY, WAIT }

  /**
   * One live task.
   *
   * @param stateNumber the task's state as the version numbers it (pr482 prints it)
   * @param kernels the kernel in the AIC, AIV0 and AIV1 slots ({@code -1} for an empty slot)
   * @param ownerThread the thread owning the cores it runs on, or -1
   * @param cores upstream core ids it runs on, with their slot names ({@code 3(AIC)})
   */
  public record TaskLine(int ring, long taskId, TaskState state, int stateNumber, int faninDone, int faninTotal,
      ImmutableList<String> kernels, int ownerThread, ImmutableList<String> cores) {}

  /** One core as the CLUSTER line shows it: its upstream id, and the task it runs (-1 when idle). */
  public record CoreLine(int coreId, long taskId, String kernel) {
    public boolean idle() {
      return taskId < 0;
    }
  }

  /** One cluster: its id, owning thread, and its AIC, AIV0 and AIV1 cores. */
  public record ClusterLine(int clusterId, int thread, CoreLine aic, CoreLine aiv0, CoreLine aiv1) {}

  public long count(TaskState state) {
    return tasks.stream().filter(t -> t.state() == state).count();
  }

  /** Whether some core of {@code t}'s clusters runs a task. */
  public boolean ownsRunning(int t) {
    return clusters.stream().anyMatch(c -> c.thread() == t && !(c.aic().idle() && c.aiv0().idle() && c.aiv1().idle()));
  }

  public boolean anyRunning() {
    return clusters.stream().anyMatch(c -> !(c.aic().idle() && c.aiv0().idle() && c.aiv1().idle()));
  }
}
