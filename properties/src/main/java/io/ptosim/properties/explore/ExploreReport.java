package io.ptosim.properties.explore;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import java.util.Optional;

/**
 * A campaign's deterministic result (no wall-clock figure): what ran, the counts per property, per
 * outcome and per stall verdict, the first failures of each property and the counterexamples
 * written. A shard's report and the merge of all shards' reports of a campaign hold the same
 * fields; merging every shard gives exactly the unsharded report ({@link ReportFolder#merge}).
 *
 * @param campaign what ran: seed, size, properties, fault, runtime, limits
 * @param shard the shard this report covers; empty for a whole campaign (or a complete merge)
 * @param explored programs checked in this report
 * @param tasks tasks of those programs, summed
 * @param properties per property: programs checked, failed, not applicable
 * @param outcomes per policy, per outcome: runs on the programs' own settings
 * @param stallVerdicts per policy, per verdict: allocator stalls of those runs ({@code -} for none)
 * @param failures the first {@link Campaign#failuresListed} failures of each property, in program order
 * @param counterexamples the first {@link Campaign#counterexamples} failures of each property, shrunk and written
 */
public record ExploreReport(
    Campaign campaign,
    Optional<Shard> shard,
    long explored,
    long tasks,
    ImmutableMap<ExploreProperty, PropertyCounts> properties,
    ImmutableSortedMap<String, ImmutableSortedMap<String, Long>> outcomes,
    ImmutableSortedMap<String, ImmutableSortedMap<String, Long>> stallVerdicts,
    ImmutableList<Failure> failures,
    ImmutableList<Counterexample> counterexamples) {

  public ExploreReport {
    Preconditions.checkNotNull(campaign, "campaign");
    Preconditions.checkNotNull(shard, "shard");
    Preconditions.checkNotNull(properties, "properties");
    Preconditions.checkNotNull(outcomes, "outcomes");
    Preconditions.checkNotNull(stallVerdicts, "stallVerdicts");
    Preconditions.checkNotNull(failures, "failures");
    Preconditions.checkNotNull(counterexamples, "counterexamples");
  }

  /** Per property: programs it was checked on, on how many it failed, on how many it did not apply. */
  public record PropertyCounts(long checked, long failed, long notApplicable) {}

  /**
   * One failing program.
   *
   * @param program the program's index in the seed's stream
   * @param problems the check's first problem lines
   */
  public record Failure(long program, ExploreProperty property, int tasks, String settings, ImmutableList<String> problems) {}

  /**
   * A shrunk failure written as a replayable program file and {@code .expect}.
   *
   * @param file the program file's name in the campaign's output directory
   * @param exhausted whether shrinking stopped at its evaluation budget before a fixpoint
   */
  public record Counterexample(
      long program, ExploreProperty property, int tasksBefore, int tasks, int steps, int evaluations, boolean exhausted,
      String file) {}

  /** Failures over all properties. */
  public long failed() {
    return properties.values().stream().mapToLong(PropertyCounts::failed).sum();
  }
}
