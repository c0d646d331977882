package io.ptosim.scheduler.regression;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

/** A real upstream incident, re-created from the modelled mechanisms: its story and its runs. */
public record Regression(String id, int upstreamIssue, String title, String story, ImmutableList<RegressionRun> runs) {
  public Regression {
    Preconditions.checkNotNull(id, "id");
    Preconditions.checkNotNull(title, "title");
    Preconditions.checkNotNull(story, "story");
    Preconditions.checkArgument(!runs.isEmpty(), "a regression needs runs");
  }
}
