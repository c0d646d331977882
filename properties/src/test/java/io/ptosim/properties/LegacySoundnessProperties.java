package io.ptosim.properties;

import io.ptosim.properties.check.LegacySoundnessCheck;
import io.ptosim.properties.check.Problems;
import io.ptosim.properties.gen.Scenario;
import io.ptosim.properties.gen.Scenarios;
import io.ptosim.properties.jqwik.CounterexampleHook;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Property (d), {@link LegacySoundnessCheck}: on programs {@code patient} completes,
 * {@code scope-aware} never claims a proven cycle, and every {@code legacy} abort is a stall the
 * checker calls UNRETIRED_PROGRESS (the false-deadlock class of the #495 seed).
 *
 * <p>Fails for a scope-aware rule that tests the head against any scope rather than the shallowest
 * open one on the ring, or a #277 pre-check that counts retired tasks; and for a checker that calls
 * a stall legacy gives up on anything but UNRETIRED_PROGRESS (e.g. REAL_DEADLOCK whenever the head
 * is RUNNING for longer than the spin budget).
 */
@AddLifecycleHook(CounterexampleHook.class)
class LegacySoundnessProperties {

  @Property(tries = 200)
  void legacyAbortsOnlyUnretiredProgress(@ForAll(supplier = Scenarios.Stalling.class) Scenario scenario) {
    Problems.require(LegacySoundnessCheck.check(scenario.program(), scenario.settings()));
  }
}
