package io.ptosim.properties.explore;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.ptosim.scheduler.fault.Fault;
import java.util.Optional;

/**
 * What a campaign explores: programs {@code 0 .. programs - 1} of seed {@code seed}'s stream (a
 * time-bounded campaign sets {@code programs} to what it explored), these properties, under this
 * fault and runtime; and how much of each failure it keeps.
 *
 * @param counterexamples how many failures per property are shrunk and written
 * @param failuresListed how many failures per property the report lists
 * @param shrinkBudget the most programs one shrink evaluates
 */
public record Campaign(
    long seed, long programs, ImmutableList<ExploreProperty> properties, Optional<Fault> fault, String runtime,
    int counterexamples, int failuresListed, int shrinkBudget) {

  public static final int DEFAULT_COUNTEREXAMPLES = 1;
  public static final int DEFAULT_FAILURES_LISTED = 20;
  public static final int DEFAULT_SHRINK_BUDGET = 2_000;

  public Campaign {
    Preconditions.checkArgument(programs >= 0, "programs must be non-negative: %s", programs);
    Preconditions.checkArgument(!properties.isEmpty(), "at least one property");
    // Reports list properties in one order whatever order the command line named them in.
    properties = ImmutableList.sortedCopyOf(properties);
    Preconditions.checkArgument(properties.stream().distinct().count() == properties.size(), "a property twice: %s", properties);
    Preconditions.checkNotNull(fault, "fault");
    Runtimes.check(runtime);
    Preconditions.checkArgument(counterexamples >= 0 && failuresListed >= 0 && shrinkBudget >= 0, "limits must be non-negative");
  }

  /** Every property, default limits. */
  public static Campaign of(long seed, long programs, Optional<Fault> fault, String runtime) {
    return new Campaign(seed, programs, ImmutableList.copyOf(ExploreProperty.values()), fault, runtime,
        DEFAULT_COUNTEREXAMPLES, DEFAULT_FAILURES_LISTED, DEFAULT_SHRINK_BUDGET);
  }

  public Campaign withProperties(ImmutableList<ExploreProperty> value) {
    return new Campaign(seed, programs, value, fault, runtime, counterexamples, failuresListed, shrinkBudget);
  }

  public Campaign withPrograms(long value) {
    return new Campaign(seed, value, properties, fault, runtime, counterexamples, failuresListed, shrinkBudget);
  }

  public Campaign withLimits(int counterexamplesValue, int failuresListedValue, int shrinkBudgetValue) {
    return new Campaign(seed, programs, properties, fault, runtime, counterexamplesValue, failuresListedValue,
        shrinkBudgetValue);
  }
}
