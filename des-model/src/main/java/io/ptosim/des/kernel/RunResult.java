package io.ptosim.des.kernel;

import com.google.common.base.Preconditions;

/** The outcome of one {@link SimKernel#run}: why it stopped, how many events ran, and the virtual clock. */
public record RunResult(StopReason reason, long events, long virtualTimeNs) {
  public RunResult {
    Preconditions.checkNotNull(reason, "reason");
  }
}
