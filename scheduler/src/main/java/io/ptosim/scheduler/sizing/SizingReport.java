package io.ptosim.scheduler.sizing;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableMap;
import io.ptosim.scheduler.run.Outcome;

/**
 * What {@code tune} found: the run at the config's current sizes, and per resource its sizing.
 *
 * @param program the program's name
 * @param tasks tasks the program creates
 * @param runtime the runtime version
 * @param detector the version's own stall policy (or the one the config chose)
 * @param platform the platform profile's name
 * @param currentOutcome how the run ends at the current sizes under the detector
 * @param currentErrorCode its error code
 * @param current stalls, the longest, time lost and peak window fill at the current sizes
 * @param resources per resource, in {@link RingResource} order
 */
public record SizingReport(
    String program,
    long tasks,
    String runtime,
    String detector,
    String platform,
    Outcome currentOutcome,
    int currentErrorCode,
    RunStats.Summary current,
    ImmutableMap<RingResource, ResourceSizing> resources) {

  public SizingReport {
    Preconditions.checkNotNull(resources, "resources");
  }
}
