package io.ptosim.properties;

import io.ptosim.properties.check.ExhaustiveAgreementCheck;
import io.ptosim.properties.check.Problems;
import io.ptosim.properties.gen.Scenario;
import io.ptosim.properties.gen.Scenarios;
import io.ptosim.properties.jqwik.CounterexampleHook;
import io.ptosim.scheduler.fault.Fault;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Property (f), {@link ExhaustiveAgreementCheck}: on every stall snapshot of a small random program,
 * under {@code checker} and {@code patient}, the checker's verdict is the one the exhaustive search
 * implies; also with each fault switched on (the monitor off, so that the lost transitions stay in
 * the snapshots). CI-sized; {@code ptosim bench exhaustive} runs the large campaign on generated
 * snapshots. Fails for a checker that misses the kernel's pending events (PropertiesCanFailTest).
 */
@AddLifecycleHook(CounterexampleHook.class)
class ExhaustiveAgreementProperties {

  @Property(tries = 30)
  void theCheckerAgreesWithTheSearchOnEveryStall(@ForAll(supplier = Scenarios.Stalling.class) Scenario scenario) {
    Problems.require(ExhaustiveAgreementCheck.check(scenario.program(), scenario.settings()));
  }

  @Property(tries = 30)
  void theCheckerAgreesWithTheSearchUnderFaults(@ForAll("faulty") Scenario scenario) {
    Problems.require(ExhaustiveAgreementCheck.check(scenario.program(), scenario.settings()));
  }

  @Provide
  Arbitrary<Scenario> faulty() {
    return Arbitraries.of(Fault.values()).flatMap(Scenarios::withFault)
        .map(s -> new Scenario(s.program(), s.settings().withInvariantMonitor(false)));
  }
}
