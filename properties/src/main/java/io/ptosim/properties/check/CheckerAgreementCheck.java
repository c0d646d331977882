package io.ptosim.properties.check;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableSet;
import io.ptosim.analysis.verdict.VerdictKind;
import io.ptosim.properties.run.Observation;
import io.ptosim.properties.run.RunSettings;
import io.ptosim.properties.run.Runs;
import io.ptosim.scheduler.policy.StallPolicies;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.run.Outcome;

/**
 * Property (c): the {@code checker} policy agrees with {@code patient} (the ground truth: it never
 * aborts) on the same program and settings, for the correct runtime:
 *
 * <ul>
 *   <li>checker aborts with REAL_DEADLOCK or LOST_WAKEUP only if patient ends QUIESCENT_BLOCKED,
 *       and patient ends QUIESCENT_BLOCKED only if checker aborts so (it never waits forever);
 *   <li>checker completes exactly when patient completes;
 *   <li>every stall the checker called UNRETIRED_PROGRESS (at any of its judgements) is granted in
 *       the patient run (the same stall resumes), unless the version's own advance race (#1545, pr482)
 *       left a CONSUMED head behind in that run ({@link AdvanceRace});
 *   <li>no INVARIANT_VIOLATION, neither a checker verdict nor the runtime's monitor, as no fault is
 *       on.
 * </ul>
 */
public final class CheckerAgreementCheck {
  private static final ImmutableSet<String> BLOCKING =
      ImmutableSet.of(VerdictKind.REAL_DEADLOCK.name(), VerdictKind.LOST_WAKEUP.name());

  private CheckerAgreementCheck() {}

  public static ImmutableList<String> check(Program program, RunSettings settings) {
    return problems(Runs.run(program, settings, StallPolicies.CHECKER), Runs.run(program, settings, StallPolicies.PATIENT));
  }

  /** The problems of a checker run and a patient run of the same program and settings. */
  public static ImmutableList<String> problems(Observation checker, Observation patient) {
    Problems.Collector out = new Problems.Collector();
    checker.violation().ifPresent(v -> out.add("invariant monitor under checker: " + v));
    patient.violation().ifPresent(v -> out.add("invariant monitor under patient: " + v));
    boolean checkerBlocks = checker.is(Outcome.ABORTED) && checker.finalVerdict().filter(BLOCKING::contains).isPresent();
    if (checkerBlocks && !patient.is(Outcome.QUIESCENT_BLOCKED)) {
      out.add("checker says " + checker.finalVerdict().get() + " but patient ends " + patient.outcome() + " [" + checker.summary() + "]");
    }
    if (patient.is(Outcome.QUIESCENT_BLOCKED) && !checkerBlocks) {
      out.add("patient ends QUIESCENT_BLOCKED but checker ends " + checker.summary());
    }
    if (checker.completed() != patient.completed()) {
      out.add("checker " + checker.outcome() + " vs patient " + patient.outcome() + " [" + checker.summary() + "]");
    }
    for (Observation run : ImmutableList.of(checker, patient)) {
      if (run.is(Outcome.BUDGET_EXHAUSTED)) {
        out.add("event budget exhausted: " + run.summary());
      }
    }
    if (checker.violation().isPresent() || patient.violation().isPresent()) {
      // A run the monitor stopped has no stall records to align its verdicts with; the violation is the problem.
      return out.build();
    }
    ImmutableListMultimap<Integer, String> verdicts = StallAlignment.verdictsByStall(checker);
    for (int stall : verdicts.keySet()) {
      if (verdicts.get(stall).contains(VerdictKind.INVARIANT_VIOLATION.name())) {
        out.add("checker verdict INVARIANT_VIOLATION at stall " + stall + " with no fault on: " + checker.summary());
      }
      if (!verdicts.get(stall).contains(VerdictKind.UNRETIRED_PROGRESS.name())) {
        continue;
      }
      ImmutableList<String> misaligned = StallAlignment.misaligned(checker, patient, stall);
      misaligned.forEach(out::add);
      // Under pr482 the #1545 race can take the slot back after the stall: the checker saw progress the
      // runtime's own advance rule then lost, which its LOST_WAKEUP at quiescence reports.
      if (misaligned.isEmpty() && !patient.stalls().get(stall).resumed() && !AdvanceRace.lostIn(patient)) {
        out.add("checker called stall " + stall + " (at " + checker.stalls().get(stall).atNs()
            + " ns) UNRETIRED_PROGRESS but patient never got the slot: " + patient.summary());
      }
    }
    return out.build();
  }
}
