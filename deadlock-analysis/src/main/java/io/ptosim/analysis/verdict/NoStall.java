package io.ptosim.analysis.verdict;

import com.google.common.collect.ImmutableList;

/**
 * A device log that holds no allocator or scheduler stall: the witness says what it shows instead
 * (the run completed, or a named fatal error that is not a stall).
 */
public record NoStall(
    String reason, ImmutableList<WitnessStep> witness, ImmutableList<Assumption> assumptions)
    implements Verdict {

  /** Requires a reason and a witness. */
  public NoStall {
    VerdictChecks.require(reason, witness, assumptions);
  }

  @Override
  public VerdictKind kind() {
    return VerdictKind.NO_STALL;
  }
}
