package io.ptosim.scheduler.regression;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

/**
 * A real upstream incident, re-created from the modelled mechanisms: its thread, the runtime
 * version it happened on, what happened, the maintainers' conclusion, and the runs that show it.
 *
 * @param id the catalogue id ({@code issue-1610}, {@code pypto-lib-122})
 * @param thread the upstream thread, e.g. {@code simpler#1610} or {@code pypto-lib#122}
 * @param runtime the runtime version the incident happened on (runs may add the other)
 * @param title one line of what happened
 * @param story how the runs re-create it, and how close they are to the real configuration
 * @param maintainersVerdict what the upstream maintainers concluded, in one line
 * @param runs the runs, each with what it must show
 */
public record Regression(String id, String thread, String runtime, String title, String story,
    String maintainersVerdict, ImmutableList<RegressionRun> runs) {
  public Regression {
    Preconditions.checkNotNull(id, "id");
    Preconditions.checkNotNull(thread, "thread");
    Preconditions.checkNotNull(runtime, "runtime");
    Preconditions.checkNotNull(title, "title");
    Preconditions.checkNotNull(story, "story");
    Preconditions.checkNotNull(maintainersVerdict, "maintainersVerdict");
    Preconditions.checkArgument(!runs.isEmpty(), "a regression needs runs");
  }
}
