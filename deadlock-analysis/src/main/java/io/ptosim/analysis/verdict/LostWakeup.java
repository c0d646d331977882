package io.ptosim.analysis.verdict;

import com.google.common.collect.ImmutableList;

/**
 * Progress is possible by the rules, but no running, runnable or pending work triggers it: the
 * witness leads from the orchestrator to the missing trigger.
 */
public record LostWakeup(
    String reason, ImmutableList<WitnessStep> witness, ImmutableList<Assumption> assumptions)
    implements Verdict {

  /** Requires a reason and a witness. */
  public LostWakeup {
    VerdictChecks.require(reason, witness, assumptions);
  }

  @Override
  public VerdictKind kind() {
    return VerdictKind.LOST_WAKEUP;
  }
}
