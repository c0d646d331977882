package io.ptosim.des.kernel;

import com.google.common.base.Preconditions;

/**
 * Bounds of one run: at most {@code maxEvents} executed events and no event later than
 * {@code maxTimeNs} of virtual time. Every run is bounded; there is no "unlimited".
 */
public record RunLimits(long maxEvents, long maxTimeNs) {

  /** Large enough for the biggest built-in workload, small enough to end a runaway model. */
  public static final RunLimits DEFAULT = new RunLimits(200_000_000L, 3_600_000_000_000L);

  public RunLimits {
    Preconditions.checkArgument(maxEvents > 0, "maxEvents must be positive: %s", maxEvents);
    Preconditions.checkArgument(maxTimeNs >= 0, "maxTimeNs must be non-negative: %s", maxTimeNs);
  }

  public RunLimits withMaxEvents(long events) {
    return new RunLimits(events, maxTimeNs);
  }

  public RunLimits withMaxTimeNs(long timeNs) {
    return new RunLimits(maxEvents, timeNs);
  }
}
