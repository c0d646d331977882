package io.ptosim.properties.check;

import com.google.common.collect.ImmutableList;
import io.ptosim.analysis.StallChecker;
import io.ptosim.analysis.exhaustive.AgreementTally;
import io.ptosim.analysis.exhaustive.ExhaustiveSearch;
import io.ptosim.analysis.exhaustive.OracleComparison;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.text.SnapshotPrinter;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.properties.run.RunSettings;
import io.ptosim.properties.run.StallSnapshots;
import io.ptosim.scheduler.policy.StallPolicies;
import io.ptosim.scheduler.program.Program;
import java.util.List;
import java.util.function.Function;

/**
 * Property (e): on every stall snapshot the simulation produces for a program, under the
 * {@code checker} and the {@code patient} policies, the checker's verdict is the one the exhaustive
 * search implies (docs/checker.md). Snapshots the checker calls INVARIANT_VIOLATION, and those above
 * the search's bound of live tasks, are skipped. Fails for a checker that misreads the snapshot
 * (e.g. one that ignores the pending events) and for a wrong oracle.
 */
public final class ExhaustiveAgreementCheck {
  private ExhaustiveAgreementCheck() {}

  /** The problems of the stall checker on {@code program}'s stall snapshots. */
  public static ImmutableList<String> check(Program program, RunSettings settings) {
    return check(program, settings, s -> new StallChecker(s).verdict(), new AgreementTally());
  }

  /** The problems of {@code checker} on {@code program}'s stall snapshots, counted into {@code tally}. */
  public static ImmutableList<String> check(
      Program program, RunSettings settings, Function<Snapshot, Verdict> checker, AgreementTally tally) {
    Problems.Collector out = new Problems.Collector();
    for (String policy : ImmutableList.of(StallPolicies.CHECKER, StallPolicies.PATIENT)) {
      problems(StallSnapshots.of(program, settings, policy), checker, tally)
          .forEach(p -> out.add(policy + " on " + settings.describe() + ": " + p));
    }
    return out.build();
  }

  /** The disagreements of {@code checker} with the search on {@code snapshots}. */
  public static ImmutableList<String> problems(
      List<Snapshot> snapshots, Function<Snapshot, Verdict> checker, AgreementTally tally) {
    Problems.Collector out = new Problems.Collector();
    for (int k = 0; k < snapshots.size(); k++) {
      OracleComparison comparison = new OracleComparison(snapshots.get(k), checker, ExhaustiveSearch.Options.answerOnly());
      tally.add(comparison);
      if (comparison.outcome() == OracleComparison.Outcome.DISAGREE) {
        out.add("stall snapshot " + k + ": " + comparison.reason() + " (" + comparison.verdict().reason() + ")\n"
            + SnapshotPrinter.print(snapshots.get(k)));
      }
    }
    return out.build();
  }
}
