package io.ptosim.scheduler.regression;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.snapshot.TaskRecord;
import io.ptosim.analysis.snapshot.TaskState;
import io.ptosim.analysis.snapshot.WaitResource;
import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunReport;
import io.ptosim.scheduler.run.Simulation;
import io.ptosim.scheduler.runtime.TaskIds;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every catalogued run reproduces its recorded expectation (what {@code ptosim reproduce} checks). */
class RegressionsTest {

  @ParameterizedTest
  @ValueSource(strings = {"issue-277", "issue-495", "issue-1086", "issue-1468", "issue-1545", "issue-1610", "issue-2260", "issue-959", "pypto-lib-122"})
  void everyRunMatchesItsExpectation(String id) {
    Regression regression = Regressions.byId(id);
    for (RegressionRun run : regression.runs()) {
      RunReport report = Simulation.run(run.config(), List.of());
      assertThat(run.expected().mismatches(report)).as("%s: %s", id, run.label()).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"issue-495", "issue-1086", "issue-1468"})
  void legacyStillSpinsOutWhereEveryScopeFitsTheWindow(String id) {
    // The #277 pre-check only fires for a scope holding window - 1 tasks; these scopes fit.
    for (RegressionRun run : Regressions.byId(id).runs()) {
      if (run.config().policy().equals("legacy") && run.expected().outcome() != Outcome.COMPLETED) {
        assertThat(Simulation.run(run.config(), List.of()).message()).as(run.label()).contains("Task Ring Full");
      }
    }
  }

  @Test
  void issue277LegacyRunFailsThePreCheck() {
    RegressionRun legacy = Regressions.byId("issue-277").runs().get(0);
    assertThat(legacy.config().policy()).isEqualTo("legacy");
    RunReport report = Simulation.run(legacy.config(), List.of());
    assertThat(report.exitCode()).isEqualTo(1);
    // as 01d07_pm_st_MidB16C8192_win256 printed it: its MANUAL scopes are depth 2, ring 2
    assertThat(report.message()).isEqualTo("FATAL: Scope Deadlock Detected! (ring 2)");
    assertThat(report.tasksCompleted()).isZero();
  }

  /** #1545 without a fault: pr482's own advance leaves ring 2's head CONSUMED and last_alive on it. */
  @Test
  void issue1545HeadIsConsumedButNotAdvancedOnPr482() {
    RegressionRun patient = Regressions.byId("issue-1545").runs().get(0);
    assertThat(patient.config().faults()).isEmpty();
    assertThat(patient.config().runtime().name()).isEqualTo("pr482");
    RunReport report = Simulation.run(patient.config(), List.of());
    Snapshot snapshot = report.finalSnapshot().orElseThrow();
    assertThat(snapshot.orchestrator()).isEqualTo(new OrchestratorState.Blocked(WaitResource.TASK_RING, 2));
    long head = TaskIds.of(2, 3);
    assertThat(snapshot.ring(2).orElseThrow().lastAlive()).isEqualTo(head);
    assertThat(snapshot.tasks()).filteredOn(t -> t.id() == head).extracting(TaskRecord::state).containsExactly(TaskState.CONSUMED);
    assertThat(report.tasksCompleted()).isEqualTo(report.tasks() - 1);
  }

  /** #1086 at the thread's configuration: the thread's detector and Case1's 65,792 tasks, no stall at either window. */
  @Test
  void issue1086ThreadConfigurationIsCase1ManualOnA2a3UnderTheSpinHeuristic() {
    for (RegressionRun run : Regressions.byId("issue-1086").runs().subList(0, 2)) {
      assertThat(run.whatIf()).isEmpty();
      assertThat(run.config().policy()).isEqualTo("legacy");
      assertThat(run.config().runtime().name()).isEqualTo("main-6ebaf77");
      assertThat(run.config().platform().name()).isEqualTo("a2a3");
      assertThat(run.config().program().taskCount()).isEqualTo(65_792);
    }
    var runs = Regressions.byId("issue-1086").runs();
    assertThat(runs.subList(2, runs.size())).allMatch(r -> r.whatIf().isPresent());
  }
}
