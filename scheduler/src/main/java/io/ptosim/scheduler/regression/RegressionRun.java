package io.ptosim.scheduler.regression;

import com.google.common.base.Preconditions;
import java.util.Optional;
import com.google.common.collect.ImmutableList;
import io.ptosim.scheduler.fault.Fault;
import io.ptosim.scheduler.run.RunConfig;

/**
 * One run of a catalogued regression: a label, its configuration, and what it must show.
 *
 * @param whatIf empty for a run of the incident as it really happened; else the platform timing
 *     under which this run's outcome would happen, for a run no real run shows (a what-if)
 */
public record RegressionRun(String label, RunConfig config, Expectation expected, Optional<String> whatIf) {
  public RegressionRun {
    Preconditions.checkNotNull(label, "label");
    Preconditions.checkNotNull(config, "config");
    Preconditions.checkNotNull(expected, "expected");
    Preconditions.checkNotNull(whatIf, "whatIf");
  }

  /** A run of the incident itself. */
  public RegressionRun(String label, RunConfig config, Expectation expected) {
    this(label, config, expected, Optional.empty());
  }

  /** The bug switches of the run, by their CLI names, in declaration order. */
  public ImmutableList<String> switches() {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    for (Fault f : Fault.values()) {
      if (config.faults().contains(f)) {
        out.add(f.cliName());
      }
    }
    return out.build();
  }
}
