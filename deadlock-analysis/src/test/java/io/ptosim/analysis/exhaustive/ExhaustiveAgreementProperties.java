package io.ptosim.analysis.exhaustive;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.analysis.StallChecker;
import io.ptosim.analysis.synthetic.ConsistentSnapshots;
import io.ptosim.analysis.text.SnapshotPrinter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The checker agrees with the exhaustive search on random rule-consistent small snapshots, and
 * the search's reduction keeps the answers of the unreduced search. CI-sized; the bench
 * ({@code ptosim bench exhaustive}) runs the 10,000-snapshot campaign.
 */
class ExhaustiveAgreementProperties {

  @Property(tries = 400)
  void theCheckerGivesTheVerdictTheSearchImplies(@ForAll long seed) {
    ConsistentSnapshots.Model model = ConsistentSnapshots.model(seed);
    OracleComparison comparison = new OracleComparison(model.snapshot(), ExhaustiveSearch.Options.answerOnly());

    assertThat(comparison.outcome())
        .as("%s%n%s", comparison.reason(), SnapshotPrinter.print(model.snapshot()))
        .isNotEqualTo(OracleComparison.Outcome.DISAGREE);
    if (model.snapshot().edgesKnown()) {
      // Consistent snapshots with edges are always inside the oracle.
      assertThat(comparison.outcome()).as(comparison.reason()).isEqualTo(OracleComparison.Outcome.AGREE);
    }
  }

  @Property(tries = 200)
  void theReductionKeepsGoalsAndDeadEnds(@ForAll long seed) {
    ConsistentSnapshots.Model model = ConsistentSnapshots.model(seed);
    if (!model.snapshot().edgesKnown()
        || new StallChecker(model.snapshot()).verdict().kind() == io.ptosim.analysis.verdict.VerdictKind.INVARIANT_VIOLATION) {
      return;
    }
    TransitionSystem system = new TransitionSystem(model.snapshot(), ExhaustiveSearch.DEFAULT_BOUND);
    for (Semantics semantics : Semantics.values()) {
      StateSearch reduced = new StateSearch(system, semantics, true, false, 2_000_000);
      StateSearch full = new StateSearch(system, semantics, false, false, 2_000_000);
      if (full.exhausted()) {
        assertThat(reduced.goalReached()).isEqualTo(full.goalReached());
        assertThat(reduced.deadEndReached()).isEqualTo(full.deadEndReached());
        assertThat(reduced.states()).isLessThanOrEqualTo(full.states());
      }
    }
  }
}
