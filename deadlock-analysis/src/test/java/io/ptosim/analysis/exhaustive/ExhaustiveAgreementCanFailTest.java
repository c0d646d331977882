package io.ptosim.analysis.exhaustive;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.analysis.StallChecker;
import io.ptosim.analysis.synthetic.ConsistentSnapshots;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.VerdictKind;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The agreement property can fail: a checker mutant, or a deliberately wrong oracle, disagrees on
 * the snapshots the property draws, while the real pair agrees on the same ones.
 */
class ExhaustiveAgreementCanFailTest {
  private static final int SEEDS = 600;

  private static AgreementTally tally(Function<Snapshot, Verdict> checker) {
    AgreementTally tally = new AgreementTally();
    LongStream.range(0, SEEDS).forEach(seed -> tally.add(new OracleComparison(
        ConsistentSnapshots.model(seed).snapshot(), checker, ExhaustiveSearch.Options.answerOnly())));
    return tally;
  }

  @Test
  void theRealCheckerAgrees() {
    AgreementTally tally = tally(s -> new StallChecker(s).verdict());

    assertThat(tally.disagreements()).isZero();
    assertThat(tally.agreedVerdicts()).containsOnlyKeys("LOST_WAKEUP", "REAL_DEADLOCK", "UNRETIRED_PROGRESS");
  }

  @Test
  void aCheckerThatIgnoresThePendingEventsDisagrees() {
    AgreementTally tally = tally(s -> new StallChecker(new Snapshot(s.tasks(), s.edges(), s.rings(), s.scopes(),
        s.orchestrator(), Optional.empty(), s.evidence())).verdict());

    assertThat(tally.disagreementClasses()).containsKey("checker UNRETIRED_PROGRESS, search LOST_WAKEUP");
  }

  @Test
  void aCheckerThatCallsEveryStuckHeadADeadlockDisagrees() {
    AgreementTally tally = tally(s -> {
      Verdict v = new StallChecker(s).verdict();
      return v.kind() == VerdictKind.LOST_WAKEUP
          ? new io.ptosim.analysis.verdict.RealDeadlock(v.reason(), v.witness(), v.assumptions()) : v;
    });

    assertThat(tally.disagreementClasses()).containsKey("checker REAL_DEADLOCK, search LOST_WAKEUP");
  }

  @Test
  void anOracleThatSearchesWhatTheRulesAllowInsteadOfWhatIsEnabledDisagrees() {
    long disagreements = LongStream.range(0, SEEDS).filter(seed -> {
      Snapshot snapshot = ConsistentSnapshots.model(seed).snapshot();
      Verdict verdict = new StallChecker(snapshot).verdict();
      if (!snapshot.edgesKnown() || verdict.kind() == VerdictKind.INVARIANT_VIOLATION) {
        return false;
      }
      TransitionSystem system = new TransitionSystem(snapshot, ExhaustiveSearch.DEFAULT_BOUND);
      StateSearch wrong = new StateSearch(system, Semantics.RULES, true, false, 1_000_000);
      VerdictKind expected = wrong.goalReached() && !wrong.deadEndReached()
          ? VerdictKind.UNRETIRED_PROGRESS : VerdictKind.REAL_DEADLOCK;
      return expected != verdict.kind();
    }).count();

    assertThat(disagreements).isPositive();
  }
}
