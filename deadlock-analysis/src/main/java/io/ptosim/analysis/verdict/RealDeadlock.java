package io.ptosim.analysis.verdict;

import com.google.common.collect.ImmutableList;

/**
 * No possible future event retires the ring head: the witness is a cycle of waits through the
 * blocked orchestrator.
 */
public record RealDeadlock(
    String reason, ImmutableList<WitnessStep> witness, ImmutableList<Assumption> assumptions)
    implements Verdict {

  /** Requires a reason and a witness. */
  public RealDeadlock {
    VerdictChecks.require(reason, witness, assumptions);
  }

  @Override
  public VerdictKind kind() {
    return VerdictKind.REAL_DEADLOCK;
  }
}
