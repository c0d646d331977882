package io.ptosim.scheduler.regression;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.ptosim.scheduler.fault.Fault;
import io.ptosim.scheduler.run.RunConfig;

/** One run of a catalogued regression: a label, its configuration, and what it must show. */
public record RegressionRun(String label, RunConfig config, Expectation expected) {
  public RegressionRun {
    Preconditions.checkNotNull(label, "label");
    Preconditions.checkNotNull(config, "config");
    Preconditions.checkNotNull(expected, "expected");
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
