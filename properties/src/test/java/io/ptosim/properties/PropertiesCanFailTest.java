package io.ptosim.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import io.ptosim.analysis.StallChecker;
import io.ptosim.analysis.exhaustive.AgreementTally;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.properties.check.CheckerAgreementCheck;
import io.ptosim.properties.check.ExhaustiveAgreementCheck;
import io.ptosim.properties.check.CompletionCheck;
import io.ptosim.properties.check.DeterminismCheck;
import io.ptosim.properties.check.FaultDetectionCheck;
import io.ptosim.properties.check.LegacySoundnessCheck;
import io.ptosim.properties.corpus.CorpusEntry;
import io.ptosim.properties.run.Observation;
import io.ptosim.properties.run.RunSettings;
import io.ptosim.properties.run.Runs;
import io.ptosim.scheduler.fault.Fault;
import io.ptosim.scheduler.policy.StallPolicies;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.runtime.PublishMode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Shows that each property's check can fail: the fault switch (or the mutant, modelled by handing
 * the check another policy's run or a run with the monitor off) that its Javadoc names makes the
 * check report problems on a corpus program, while the correct runtime passes it.
 */
class PropertiesCanFailTest {

  private static CorpusEntry entry(String name) throws IOException {
    return CorpusEntry.load(CorpusReplayTest.CORPUS.resolve(name + ".json"));
  }

  /** The entry's program under {@code policy} with the entry's settings. */
  private static Observation run(CorpusEntry entry, String policy) {
    return Runs.run(entry.program(), entry.expectation().settings(), policy);
  }

  private static RunSettings big(Program program, PublishMode mode) {
    return RunSettings.of("a2a3", CompletionCheck.windowAbove(program.taskCount()), mode);
  }

  @Test
  void completionFailsUnderEachFault() throws IOException {
    Program chain = entry("ready-without-transition").program();
    Program hidden = entry("publish-hidden-alloc").program();
    CorpusEntry race = entry("issue1545-lost-advance");
    // The race needs no small window to lose the advance; with a large one the head just stays.
    RunSettings raceSettings = race.expectation().settings().withRingWindows(ImmutableSortedMap.of()).withInvariantMonitor(true);

    assertThat(CompletionCheck.check(chain, big(chain, PublishMode.INCREMENTAL))).isEmpty();
    assertThat(CompletionCheck.check(chain, big(chain, PublishMode.INCREMENTAL)
        .withFaults(ImmutableSortedSet.of(Fault.READY_WITHOUT_TRANSITION)))).anyMatch(p -> p.contains("state PENDING"));
    assertThat(CompletionCheck.check(hidden, big(hidden, PublishMode.DEFERRED)
        .withFaults(ImmutableSortedSet.of(Fault.PUBLISH_HIDDEN_ALLOC)))).anyMatch(p -> p.contains("hidden alloc_tensors"));
    assertThat(CompletionCheck.check(hidden, big(hidden, PublishMode.DEFERRED).withInvariantMonitor(false)
        .withFaults(ImmutableSortedSet.of(Fault.PUBLISH_HIDDEN_ALLOC)))).anyMatch(p -> p.contains("was dispatched"));
    assertThat(CompletionCheck.check(race.program(), raceSettings.withFaults(ImmutableSortedSet.of())))
        .isEmpty();
    assertThat(CompletionCheck.check(race.program(), raceSettings)).anyMatch(p -> p.contains("lost advance"));
  }

  @Test
  void tieOrderIndependenceFailsUnderLostAdvance() throws IOException {
    CorpusEntry race = entry("issue1545-lost-advance");
    RunSettings s = race.expectation().settings();
    // Shuffle seed 3 lets the head's consumer win the lock: the run completes, FIFO blocks. (Seed 2 did
    // before the version's dispatch rules changed the same-instant events.)
    assertThat(DeterminismCheck.tieOrderIndependent(race.program(), s, StallPolicies.PATIENT, 3))
        .anyMatch(p -> p.startsWith("outcome depends on tie order"));
    assertThat(DeterminismCheck.tieOrderIndependent(race.program(), s.withFaults(ImmutableSortedSet.of()),
        StallPolicies.PATIENT, 3)).isEmpty();
  }

  @Test
  void checkerAgreementFailsForACheckerThatGuessesLikeLegacy() throws IOException {
    CorpusEntry burst = entry("issue495-deferred-burst");
    Observation patient = run(burst, StallPolicies.PATIENT);
    Observation checker = run(burst, StallPolicies.CHECKER);
    Observation legacy = run(burst, StallPolicies.LEGACY);

    assertThat(CheckerAgreementCheck.problems(checker, patient)).isEmpty();
    assertThat(CheckerAgreementCheck.problems(legacy, patient)).anyMatch(p -> p.contains("vs patient COMPLETED"));
  }

  @Test
  void exhaustiveAgreementFailsForACheckerThatMissesThePendingEvents() throws IOException {
    CorpusEntry stall = entry("generated-stall");
    RunSettings s = stall.expectation().settings();
    // The mutant judges each snapshot as if the kernel had nothing scheduled.
    Function<Snapshot, Verdict> blind = snap -> new StallChecker(new Snapshot(snap.tasks(), snap.edges(), snap.rings(),
        snap.scopes(), snap.orchestrator(), Optional.of(ImmutableList.of()), snap.evidence())).verdict();

    assertThat(ExhaustiveAgreementCheck.check(stall.program(), s)).isEmpty();
    assertThat(ExhaustiveAgreementCheck.check(stall.program(), s, blind, new AgreementTally()))
        .anyMatch(p -> p.contains("checker LOST_WAKEUP, search UNRETIRED_PROGRESS"));
  }

  @Test
  void legacySoundnessFailsForACheckerThatCallsTheFalseAbortAnythingElse() throws IOException {
    CorpusEntry burst = entry("issue495-deferred-burst");
    Observation patient = run(burst, StallPolicies.PATIENT);
    Observation scopeAware = run(burst, StallPolicies.SCOPE_AWARE);
    Observation legacy = run(burst, StallPolicies.LEGACY);
    Observation checker = run(burst, StallPolicies.CHECKER);

    assertThat(LegacySoundnessCheck.problems(patient, scopeAware, legacy, checker)).isEmpty();
    assertThat(LegacySoundnessCheck.problems(patient, scopeAware, legacy, legacy))
        .anyMatch(p -> p.contains("but the checker said [SPIN_LIMIT]"));
  }

  @Test
  void faultDetectionFailsWithoutTheMonitorRule() throws IOException {
    CorpusEntry hidden = entry("publish-hidden-alloc");
    RunSettings clean = hidden.expectation().settings().withFaults(ImmutableSortedSet.of());
    Observation correct = Runs.run(hidden.program(), clean, StallPolicies.PATIENT);
    RunSettings faulty = clean.withFaults(ImmutableSortedSet.of(Fault.PUBLISH_HIDDEN_ALLOC));
    Observation caught = Runs.run(hidden.program(), faulty, StallPolicies.PATIENT);
    Observation missed = Runs.run(hidden.program(), faulty.withInvariantMonitor(false), StallPolicies.PATIENT);

    assertThat(FaultDetectionCheck.exercises(correct, Fault.PUBLISH_HIDDEN_ALLOC)).isTrue();
    assertThat(FaultDetectionCheck.problems(correct, caught, Fault.PUBLISH_HIDDEN_ALLOC)).isEmpty();
    assertThat(FaultDetectionCheck.problems(correct, missed, Fault.PUBLISH_HIDDEN_ALLOC))
        .anyMatch(p -> p.contains("path taken but no violation named"));
  }
}
