package io.ptosim.properties.corpus;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.ptosim.properties.run.Observation;
import io.ptosim.scheduler.policy.StallRecord;

/**
 * What one run of a corpus entry must produce, exactly.
 *
 * @param policy the stall policy the run uses
 * @param outcome {@code COMPLETED}, {@code ABORTED}, {@code QUIESCENT_BLOCKED}, {@code BUDGET_EXHAUSTED}
 *     or {@code INVARIANT_VIOLATION} (the monitor stopped the run)
 * @param message the report's one-line message, or the monitor's violation message
 * @param verdict the verdict word of the run's final finding, {@code ""} for none
 * @param stallVerdicts per allocator stall, in order, the last verdict the policy gave it ({@code -}
 *     for none)
 * @param traceHash SHA-256 of the canonical trace
 */
public record ExpectedRun(
    String policy, String outcome, String message, String verdict, ImmutableList<String> stallVerdicts, String traceHash) {

  /** Stands for a stall the policy gave no verdict. */
  public static final String NO_VERDICT = "-";

  public ExpectedRun {
    Preconditions.checkNotNull(policy, "policy");
    Preconditions.checkNotNull(outcome, "outcome");
    Preconditions.checkNotNull(message, "message");
    Preconditions.checkNotNull(verdict, "verdict");
    Preconditions.checkNotNull(stallVerdicts, "stallVerdicts");
    Preconditions.checkNotNull(traceHash, "traceHash");
  }

  /** What {@code run} actually produced, in this form. */
  public static ExpectedRun of(Observation run) {
    ImmutableList.Builder<String> stalls = ImmutableList.builder();
    for (StallRecord s : run.stalls()) {
      stalls.add(s.verdict().orElse(NO_VERDICT));
    }
    String message = run.report().map(r -> r.message()).orElseGet(() -> run.violation().orElseThrow());
    return new ExpectedRun(run.policy(), run.outcome(), message, run.finalVerdict().orElse(""), stalls.build(),
        run.traceHash());
  }
}
