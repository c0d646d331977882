package io.ptosim.des.kernel;

import com.google.common.base.Preconditions;

/**
 * Bounds of one run: at most {@code maxEvents} executed events and no event later than
 * {@code maxTimeNs} of virtual time. Every run is bounded; there is no "unlimited".
 */
public record RunLimits(long maxEvents, long maxTimeNs) {

  /** Large enough for the biggest built-in workload, small enough to end a runaway model. */
  public static final RunLimits DEFAULT = new RunLimits(200_000_000L, 3_600_000_000_000L);

  /** The largest event budget, 10^12: the kernel adds it to its executed count without overflow. */
  public static final long MAX_EVENTS = 1_000_000_000_000L;

  /**
   * The latest virtual-time limit, 10^15 ns (about 11.6 days): with every cost at most
   * {@code PlatformProfile.MAX_COST_NS}, no event time of a bounded run can overflow.
   */
  public static final long MAX_TIME_NS = 1_000_000_000_000_000L;

  /** Both bounds are positive: a run that may execute nothing, or reach no instant, is a mistake. */
  public RunLimits {
    Preconditions.checkArgument(maxEvents >= 1 && maxEvents <= MAX_EVENTS, "max events must be 1..%s: %s", MAX_EVENTS, maxEvents);
    Preconditions.checkArgument(maxTimeNs >= 1 && maxTimeNs <= MAX_TIME_NS, "max time must be 1..%s ns: %s", MAX_TIME_NS, maxTimeNs);
  }

  public RunLimits withMaxEvents(long events) {
    return new RunLimits(events, maxTimeNs);
  }

  public RunLimits withMaxTimeNs(long timeNs) {
    return new RunLimits(maxEvents, timeNs);
  }
}
