package io.ptosim.analysis.exhaustive;

import static com.google.common.base.Preconditions.checkNotNull;

import io.ptosim.analysis.StallChecker;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.VerdictKind;
import java.util.Optional;
import java.util.function.Function;

/**
 * The checker's verdict on a snapshot set against the exhaustive search's answer. INVARIANT_VIOLATION
 * snapshots are outside the oracle (skipped), and so are those it refuses (too many live tasks,
 * unknown edges); everything else agrees or falls into a disagreement class named
 * {@code checker CHECKER_VERDICT, search EXPECTED}.
 */
public final class OracleComparison {

  /** How a comparison came out. */
  public enum Outcome {
    AGREE,
    DISAGREE,
    /** The checker found an invariant violation: outside the oracle. */
    SKIPPED_INVARIANT,
    /** The search refused the snapshot (see {@link #reason()}). */
    SKIPPED_REFUSED
  }

  private final Verdict verdict;
  private final Optional<ExhaustiveSearch> search;
  private final Outcome outcome;
  private final String reason;

  /** Compares {@link StallChecker} with the search on {@code snapshot}. */
  public OracleComparison(Snapshot snapshot, ExhaustiveSearch.Options options) {
    this(snapshot, s -> new StallChecker(s).verdict(), options);
  }

  /** Compares {@code checker} (the stall checker, or a mutant of it in a test) with the search. */
  public OracleComparison(Snapshot snapshot, Function<Snapshot, Verdict> checker, ExhaustiveSearch.Options options) {
    checkNotNull(snapshot, "snapshot");
    verdict = checkNotNull(checker.apply(snapshot), "verdict");
    if (verdict.kind() == VerdictKind.INVARIANT_VIOLATION) {
      search = Optional.empty();
      outcome = Outcome.SKIPPED_INVARIANT;
      reason = "outside the oracle: " + verdict.reason();
      return;
    }
    ExhaustiveSearch searched;
    try {
      searched = new ExhaustiveSearch(snapshot, options);
    } catch (IllegalArgumentException refused) {
      search = Optional.empty();
      outcome = Outcome.SKIPPED_REFUSED;
      reason = refused.getMessage();
      return;
    }
    search = Optional.of(searched);
    String expected = searched.expectedVerdict().map(Enum::name).orElse(searched.retirement().name());
    outcome = expected.equals(verdict.kind().name()) ? Outcome.AGREE : Outcome.DISAGREE;
    reason = "checker " + verdict.kind() + ", search " + expected;
  }

  /** The checker's verdict. */
  public Verdict verdict() {
    return verdict;
  }

  /** The search; empty when skipped. */
  public Optional<ExhaustiveSearch> search() {
    return search;
  }

  public Outcome outcome() {
    return outcome;
  }

  /** The disagreement class ({@code checker X, search Y}) or why it was skipped. */
  public String reason() {
    return reason;
  }
}
