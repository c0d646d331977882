package io.ptosim.properties.corpus;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.ptosim.properties.run.RunSettings;

/**
 * The {@code .expect} file of a corpus entry or counterexample: why it exists, the settings it
 * runs with, and the exact result of each policy's run (format in docs/properties.md).
 */
public record Expectation(String description, RunSettings settings, ImmutableList<ExpectedRun> runs) {
  public Expectation {
    Preconditions.checkNotNull(description, "description");
    Preconditions.checkNotNull(settings, "settings");
    Preconditions.checkNotNull(runs, "runs");
    Preconditions.checkArgument(!runs.isEmpty(), "an expectation needs at least one run");
  }

  public Expectation withRuns(ImmutableList<ExpectedRun> value) {
    return new Expectation(description, settings, value);
  }
}
