package io.ptosim.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.analysis.StallChecker;
import io.ptosim.analysis.device.DeviceDecision;
import io.ptosim.analysis.device.DeviceLog;
import io.ptosim.analysis.device.DeviceLogReader;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.VerdictKind;
import io.ptosim.properties.gen.Scenario;
import io.ptosim.properties.gen.Scenarios;
import io.ptosim.properties.run.Observation;
import io.ptosim.properties.run.Runs;
import io.ptosim.scheduler.run.RunReport;
import io.ptosim.scheduler.version.RuntimeVersions;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The simulated stall dump, printed in the running version's own diagnostic text, is read by
 * {@code ptosim check} as a device log: wherever the dump decides with certainty, its verdict kind
 * is the checker's on the run's full snapshot; where it cannot (the dump prints the head's
 * consumers as counts, not which tasks they are, nor whether they can run), the dump's verdict is
 * marked assumed, never a contradicting certain one.
 */
class DeviceDumpAgreementProperties {

  @Provide
  Arbitrary<String> versions() {
    return Arbitraries.of(RuntimeVersions.MAIN, RuntimeVersions.PR482);
  }

  @Property(tries = 40)
  void theDumpAgreesWithTheSnapshot(@ForAll(supplier = Scenarios.Stalling.class) Scenario scenario,
      @ForAll("versions") String version) throws Exception {
    String policy = RuntimeVersions.byName(version).defaultPolicy();
    Observation o = Runs.run(scenario.program(), scenario.settings().withRuntime(version), policy);
    Optional<RunReport> report = o.report();
    if (report.isEmpty() || report.get().deviceLog().isEmpty() || report.get().finalSnapshot().isEmpty()) {
      Statistics.label("dump").collect(version, "no dump");
      return;
    }
    Verdict full = new StallChecker(report.get().finalSnapshot().get()).verdict();
    Verdict dump = decide(String.join("\n", report.get().deviceLog()) + "\n");
    boolean scope = report.get().deviceLog().stream().anyMatch(l -> l.contains("Scope Deadlock Detected!"));
    // main's and pr482's scope check (code 1) is checked like every other dump: the snapshot of that instant
    // names the blocked submit's scope, and the checker's scope-capacity rule decides it.
    Statistics.label("dump").collect(version, scope ? "scope deadlock" : dump.kind().name());
    assertAgree(dump, full, String.join("\n", report.get().deviceLog()));
  }

  static Verdict decide(String log) throws Exception {
    DeviceLog read = new DeviceLogReader(Optional.empty()).read(log);
    return DeviceDecision.decide(read);
  }

  static void assertAgree(Verdict dump, Verdict full, String log) {
    if (dump.kind() == VerdictKind.NO_STALL && !log.contains("Deadlock")) {
      return; // a refused call (code 5, e.g. a nested manual scope under main): an abort that is no stall
    }
    if (dump.kind() == VerdictKind.NO_STALL) {
      throw new AssertionError("the dump of an aborted run reads as NO_STALL:\n" + log);
    }
    if (dump.kind() != full.kind()) {
      assertThat(dump.assumptions()).as("a certain %s from the dump, but the snapshot says %s:%n%s", dump.kind(),
          full.kind(), log).isNotEmpty();
    }
  }
}
