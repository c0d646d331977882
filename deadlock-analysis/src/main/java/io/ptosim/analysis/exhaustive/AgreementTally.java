package io.ptosim.analysis.exhaustive;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedMap;
import java.util.TreeMap;

/**
 * Counts comparisons by outcome and disagreements by class, with the states the searches visited:
 * what a campaign or the bench reports. A collector, filled in the order comparisons are made.
 */
public final class AgreementTally {
  private long agreements;
  private long disagreements;
  private long skippedInvariant;
  private long skippedRefused;
  private long states;
  private final TreeMap<String, Long> classes = new TreeMap<>();
  private final TreeMap<String, Long> verdicts = new TreeMap<>();

  /** Adds one comparison. */
  public void add(OracleComparison comparison) {
    checkNotNull(comparison, "comparison");
    comparison.search().ifPresent(s -> states += s.statesExplored());
    switch (comparison.outcome()) {
      case AGREE -> {
        agreements++;
        verdicts.merge(comparison.verdict().kind().name(), 1L, Long::sum);
      }
      case DISAGREE -> {
        disagreements++;
        classes.merge(comparison.reason(), 1L, Long::sum);
      }
      case SKIPPED_INVARIANT -> skippedInvariant++;
      case SKIPPED_REFUSED -> skippedRefused++;
    }
  }

  public long agreements() {
    return agreements;
  }

  public long disagreements() {
    return disagreements;
  }

  /** Snapshots the checker calls INVARIANT_VIOLATION: outside the oracle. */
  public long skippedInvariant() {
    return skippedInvariant;
  }

  /** Snapshots the search refused (bound, unknown edges). */
  public long skippedRefused() {
    return skippedRefused;
  }

  /** States visited by every search so far. */
  public long states() {
    return states;
  }

  /** Disagreements by class ({@code checker X, search Y}). */
  public ImmutableSortedMap<String, Long> disagreementClasses() {
    return ImmutableSortedMap.copyOf(classes);
  }

  /** Agreements by verdict. */
  public ImmutableSortedMap<String, Long> agreedVerdicts() {
    return ImmutableSortedMap.copyOf(verdicts);
  }

  /** One line: {@code agreements A, disagreements D, skipped S (I invariant, R refused)}. */
  public String summary() {
    return "agreements " + agreements + " " + agreedVerdicts() + ", disagreements " + disagreements
        + (classes.isEmpty() ? "" : " " + disagreementClasses()) + ", skipped " + (skippedInvariant + skippedRefused)
        + " (" + skippedInvariant + " invariant violations, " + skippedRefused + " refused)";
  }
}
