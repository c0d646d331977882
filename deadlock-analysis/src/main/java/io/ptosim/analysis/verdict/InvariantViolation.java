package io.ptosim.analysis.verdict;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;

/**
 * The snapshot is impossible under the runtime's rules; the witness names each broken rule and
 * the task (or ring, scope, orchestrator) it is about, in the snapshot's canonical order.
 */
public record InvariantViolation(
    String reason,
    ImmutableList<WitnessStep> witness,
    ImmutableList<Assumption> assumptions,
    ImmutableList<Violation> violations)
    implements Verdict {

  /** Requires a reason, a witness and at least one violation. */
  public InvariantViolation {
    VerdictChecks.require(reason, witness, assumptions);
    checkNotNull(violations, "violations");
    checkArgument(!violations.isEmpty(), "no violation");
  }

  @Override
  public VerdictKind kind() {
    return VerdictKind.INVARIANT_VIOLATION;
  }
}
