package io.ptosim.properties.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSortedSet;
import io.ptosim.properties.run.Observation;
import io.ptosim.properties.run.RunSettings;
import io.ptosim.properties.run.Runs;
import io.ptosim.scheduler.fault.Fault;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramJson;
import io.ptosim.scheduler.runtime.PublishMode;
import io.ptosim.scheduler.workload.WorkloadParams;
import io.ptosim.scheduler.workload.Workloads;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The #1545 race excuses a run only under a version that may lose the advance. */
class AdvanceRaceTest {
  private static Program issue1545() throws Exception {
    try (InputStream in = AdvanceRaceTest.class.getResourceAsStream("/io/ptosim/scheduler/regression/issue-1545-lost-advance.json")) {
      return ProgramJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void pr482sOwnRaceLeavesTheHeadBehindAndTheCheckerAgreesWithPatient() throws Exception {
    RunSettings pr482 = RunSettings.of("a2a3", 8, PublishMode.INCREMENTAL).withRuntime("pr482");
    Observation patient = Runs.run(issue1545(), pr482, "patient");

    assertThat(patient.outcome()).isEqualTo("QUIESCENT_BLOCKED");
    assertThat(AdvanceRace.lostIn(patient)).isTrue();
    assertThat(CheckerAgreementCheck.check(issue1545(), pr482)).isEmpty();
  }

  @Test
  void mainPromisesTheAdvanceSoTheSameProgramHasNoRace() throws Exception {
    Observation patient = Runs.run(issue1545(), RunSettings.of("a2a3", 8, PublishMode.INCREMENTAL), "patient");

    assertThat(patient.outcome()).isEqualTo("COMPLETED");
    assertThat(AdvanceRace.lostIn(patient)).isFalse();
  }

  @Test
  void aHeadLeftBehindOnMainIsNotExcused() {
    Program p = Workloads.byName("lost-advance").program(WorkloadParams.defaults().withWindow(64));
    RunSettings faulty = RunSettings.of("a2a3", 64, PublishMode.INCREMENTAL)
        .withFaults(ImmutableSortedSet.of(Fault.LOST_ADVANCE)).withInvariantMonitor(false);
    Observation patient = Runs.run(p, faulty, "patient");

    assertThat(patient.outcome()).isEqualTo("QUIESCENT_BLOCKED");
    assertThat(AdvanceRace.lostIn(patient)).isFalse();
  }

  @Test
  void aPr482RunWhoseAdvancesAllHappenedIsNotExcused() {
    Program p = Workloads.byName("lost-advance").program(WorkloadParams.defaults().withWindow(64));
    Observation patient = Runs.run(p, RunSettings.of("a2a3", 64, PublishMode.INCREMENTAL).withRuntime("pr482"), "patient");

    assertThat(patient.outcome()).isEqualTo("COMPLETED");
    assertThat(AdvanceRace.lostIn(patient)).isFalse();
  }
}
