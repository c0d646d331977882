package io.ptosim.analysis.verdict;

import com.google.common.collect.ImmutableList;

/**
 * The stall clears if the system keeps running: the witness is a chain of possible events that
 * retires the ring head.
 */
public record UnretiredProgress(
    String reason, ImmutableList<WitnessStep> witness, ImmutableList<Assumption> assumptions)
    implements Verdict {

  /** Requires a reason and a witness. */
  public UnretiredProgress {
    VerdictChecks.require(reason, witness, assumptions);
  }

  @Override
  public VerdictKind kind() {
    return VerdictKind.UNRETIRED_PROGRESS;
  }
}
