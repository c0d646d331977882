package io.ptosim.scheduler.regression;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunReport;
import io.ptosim.scheduler.run.Simulation;
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
    assertThat(report.message()).isEqualTo("FATAL: Scope Deadlock Detected! (ring 1)");
  }
}
