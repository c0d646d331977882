package io.ptosim.analysis.device;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.ptosim.analysis.snapshot.Edge;
import java.util.Optional;

/**
 * What a run's side files say, with no JSON left in it: the submitted tasks and edges of
 * {@code deps.json}, the finished blocks per task of {@code chip_swimlane_records.json}'s
 * aicore rows, and the scope begins and ends of {@code scope_stats.jsonl}. The cli reads the
 * files; {@link RunStateRebuilder} turns this into a snapshot.
 *
 * @param tasks submitted tasks in submit order (raw ids {@code ring << 32 | local})
 * @param edges dependency edges between raw ids; producers outside {@code tasks} are hidden
 *     {@code alloc_tensors} tasks
 * @param finishedBlocks when a swimlane was given: finished blocks per raw task id
 * @param scopes when scope stats were given: the ring capacities and scope events in order
 */
public record RunArtifacts(ImmutableList<Task> tasks, ImmutableList<Edge> edges,
    Optional<ImmutableMap<Long, Integer>> finishedBlocks, Optional<Scopes> scopes) {

  /** Rejects nulls. */
  public RunArtifacts {
    checkNotNull(tasks, "tasks");
    checkNotNull(edges, "edges");
    checkNotNull(finishedBlocks, "finishedBlocks");
    checkNotNull(scopes, "scopes");
  }

  /** One submitted task of deps.json: raw id, auto or manual scope, core mask and block count. */
  public record Task(long id, boolean manualScope, int activeMask, int blockNum) {
    /** Validates ranges. */
    public Task {
      checkArgument(id >= 0, "task id %s < 0", id);
      checkArgument(blockNum >= 1, "task %s: block_num %s < 1", id, blockNum);
    }
  }

  /**
   * One line of scope_stats after the header: a scope's begin or end, at depth on ring, and the
   * ring's task-window occupancy at that instant ({@code task_window_end}).
   */
  public record ScopeEvent(boolean begin, int depth, int ring, long occupancy) {}

  /**
   * scope_stats.jsonl: the task window per ring (header {@code task_window_max}), whether the run
   * latched a fatal error, and the scope events in order.
   */
  public record Scopes(ImmutableList<Long> taskWindowMax, boolean fatal, ImmutableList<ScopeEvent> events) {
    /** Rejects nulls. */
    public Scopes {
      checkNotNull(taskWindowMax, "taskWindowMax");
      checkNotNull(events, "events");
    }
  }
}
