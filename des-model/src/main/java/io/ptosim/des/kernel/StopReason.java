package io.ptosim.des.kernel;

/** Why {@link SimKernel#run} returned. */
public enum StopReason {
  /** No event is pending: nothing can happen any more. */
  QUIESCENT,
  /** The event budget of {@link RunLimits} was spent. */
  EVENT_BUDGET,
  /** The next pending event lies beyond the virtual-time limit of {@link RunLimits}. */
  TIME_LIMIT,
  /** A handler asked the kernel to stop (an abort, a verdict). */
  STOPPED
}
