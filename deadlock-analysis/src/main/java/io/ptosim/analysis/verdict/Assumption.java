package io.ptosim.analysis.verdict;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.ptosim.analysis.snapshot.Count;
import io.ptosim.analysis.snapshot.TaskIds;
import java.util.stream.Collectors;

/**
 * A conclusion drawn from counters alone that a verdict relies on.
 *
 * @param kind what was assumed
 * @param task the task whose counter was interpreted
 * @param counter that counter (fanin or fanout)
 * @param tasks the tasks assumed to be its producers or consumers (empty for publish states)
 * @param releases for {@link AssumptionKind#DEFERRED_RELEASES}, how many releases are deferred; for
 *     the device-log kinds, how many tasks were in flight
 */
public record Assumption(
    AssumptionKind kind, long task, Count counter, ImmutableList<Long> tasks, long releases) {

  private static final int LISTED = 8;

  /** Rejects nulls. */
  public Assumption {
    checkNotNull(kind, "kind");
    checkNotNull(counter, "counter");
    checkNotNull(tasks, "tasks");
    checkArgument(releases >= 0, "releases %s < 0", releases);
  }

  /** One sentence naming the task, its counter and what was assumed. */
  public String text() {
    return switch (kind) {
      case PRODUCERS -> "task " + task + " (fanin " + counter + "): unreleased producer"
          + plural() + " assumed to be " + ids() + ", the nearest unfinished earlier tasks of its ring";
      case CONSUMERS -> "task " + task + " (fanout " + counter + "): unreleased consumer"
          + plural() + " assumed to be " + ids() + ", the nearest unfinished later tasks of its ring";
      case PUBLISHED -> "task " + task + " (fanin " + counter
          + "): assumed published, as unfinished earlier tasks explain the missing releases";
      case UNPUBLISHED -> "task " + task + " (fanin " + counter
          + "): assumed unpublished, as too few unfinished earlier tasks explain the missing releases";
      case DEFERRED_RELEASES -> "task " + task + " (fanout " + counter + "): " + releases
          + " release" + (releases == 1 ? "" : "s")
          + " assumed deferred by consumers that already completed";
      case CONSUMERS_RUN -> "task " + TaskIds.show(task) + " (consumers " + counter + "): its "
          + counter.missing() + " unfinished consumer" + (counter.missing() == 1 ? "" : "s")
          + " assumed able to run, as " + releases + " tasks were in flight and none is shown blocked";
      case HEAD_RETIRES -> "head task " + TaskIds.show(task) + " (state not printed): assumed to retire, as "
          + releases + " tasks were in flight";
      case SCOPE_RELEASED -> "task " + TaskIds.show(task) + " (fanout " + counter
          + "): its scope reference assumed released, as the log does not say";
      case DEVICE_IDLE -> "task " + TaskIds.show(task)
          + ": every core assumed idle, as the stall's sub-class says (no CLUSTER lines)";
      case KERNEL_COMPLETES -> "task " + TaskIds.show(task) + ": its running kernel assumed to complete";
      case ORCHESTRATOR_SUBMITS -> "the orchestrator, not finished, assumed to go on submitting";
      case RUNTIME_CHECK -> "the runtime's own check (error code " + releases
          + ") assumed right, as the log does not print the numbers it used";
    };
  }

  private String plural() {
    return tasks.size() == 1 ? "" : "s";
  }

  private String ids() {
    if (tasks.isEmpty()) {
      return "unfinished tasks of its ring, of which there are none";
    }
    String listed =
        tasks.stream().limit(LISTED).map(id -> "task " + id).collect(Collectors.joining(", "));
    return tasks.size() > LISTED ? listed + " and " + (tasks.size() - LISTED) + " more" : listed;
  }
}
