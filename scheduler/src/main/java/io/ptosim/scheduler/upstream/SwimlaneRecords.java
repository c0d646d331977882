package io.ptosim.scheduler.upstream;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.OptionalLong;

/**
 * {@code chip_swimlane_records.json} at swimlane level 4 (simpler 6ebaf77,
 * docs/dfx/chip-swimlane-profiling.md): per-block core rows, per-dispatch AICPU rows, per-thread
 * scheduler phases and per-submit orchestrator phases. Every time is a raw 50 MHz cycle count.
 */
public record SwimlaneRecords(int level, Metadata metadata, ImmutableList<AicoreTask> aicoreTasks,
    ImmutableList<AicpuTask> aicpuTasks, ImmutableList<ImmutableList<SchedulerPhase>> schedulerPhases,
    ImmutableList<ImmutableList<OrchestratorPhase>> orchestratorPhases) {

  public SwimlaneRecords {
    Preconditions.checkNotNull(metadata, "metadata");
    Preconditions.checkNotNull(aicoreTasks, "aicoreTasks");
    Preconditions.checkNotNull(aicpuTasks, "aicpuTasks");
    Preconditions.checkNotNull(schedulerPhases, "schedulerPhases");
    Preconditions.checkNotNull(orchestratorPhases, "orchestratorPhases");
  }

  /** The device: counter frequency, core count, each core's type ({@code aic}/{@code aiv}) and scheduler thread. */
  public record Metadata(long clockFreqHz, int numCores, ImmutableList<String> coreTypes, ImmutableList<Integer> coreToThread) {
    public Metadata {
      Preconditions.checkArgument(coreTypes.size() == numCores && coreToThread.size() == numCores,
          "core_types and core_to_thread have one entry per core");
    }
  }

  /**
   * One block on a core: {@code [core_id, task_id_raw, reg_task_id, start_cycles, end_cycles,
   * receive_to_start_cycles]}; {@code reg_task_id} is the per-core dispatch token that joins it
   * with its {@link AicpuTask}.
   */
  public record AicoreTask(int coreId, long taskId, long regTaskId, long startCycles, long endCycles, long receiveToStartCycles) {}

  /** The AICPU's view of one dispatch: {@code [core_id, reg_task_id, dispatch_cycles, finish_cycles]}. */
  public record AicpuTask(int coreId, long regTaskId, long dispatchCycles, long finishCycles) {}

  /**
   * One phase of a scheduler thread's loop ({@code dispatch}, {@code complete}, {@code release},
   * {@code resolve}, {@code drain}...): {@code pop_hit}/{@code pop_miss} only on dispatch phases,
   * {@code task_id} only on {@code dummy_task}; the shared ready-queue depths per shape at start and end.
   */
  public record SchedulerPhase(String kind, long startCycles, long endCycles, long loopIter, long tasksProcessed,
      OptionalLong popHit, OptionalLong popMiss, OptionalLong taskId, ImmutableList<Long> sharedAtStart, ImmutableList<Long> sharedAtEnd) {
    public SchedulerPhase {
      Preconditions.checkNotNull(kind, "kind");
      Preconditions.checkArgument(popHit.isPresent() == popMiss.isPresent(), "pop_hit and pop_miss come together");
    }
  }

  /** One submit as the orchestrator timed it. */
  public record OrchestratorPhase(long submitIdx, long taskId, long startCycles, long endCycles) {}
}
