package io.ptosim.properties;

import io.ptosim.properties.check.DeterminismCheck;
import io.ptosim.properties.check.Problems;
import io.ptosim.properties.gen.Scenario;
import io.ptosim.properties.gen.Scenarios;
import io.ptosim.properties.jqwik.CounterexampleHook;
import io.ptosim.scheduler.policy.StallPolicies;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Property (b), {@link DeterminismCheck}, on small windows (programs stall and often deadlock):
 *
 * <ul>
 *   <li>{@link #sameTraceTwice}: the same program and settings give the same trace hash twice, under
 *       every policy. Fails on any hidden nondeterminism in the runtime or a policy: iteration over
 *       a {@code HashMap} keyed by identity hashes, wall-clock reads, unseeded randomness.
 *   <li>{@link #outcomeIndependentOfTieOrder}: under {@code patient}, a shuffled tie-break (seed from
 *       jqwik) ends the same as FIFO (same outcome, same number of tasks submitted and completed);
 *       in particular the correct runtime completes under every tie order whenever it completes
 *       under FIFO. Fails with {@code lost-advance}, whose lost wake-up needs two same-instant
 *       consumptions in one order (see {@code PropertiesCanFailTest}).
 * </ul>
 */
@AddLifecycleHook(CounterexampleHook.class)
class DeterminismProperties {

  @Property(tries = 100)
  void sameTraceTwice(@ForAll(supplier = Scenarios.Stalling.class) Scenario scenario, @ForAll("policies") String policy) {
    Problems.require(DeterminismCheck.repeatable(scenario.program(), scenario.settings(), policy));
  }

  @Property(tries = 150)
  void outcomeIndependentOfTieOrder(
      @ForAll(supplier = Scenarios.Stalling.class) Scenario scenario, @ForAll long shuffleSeed) {
    Problems.require(
        DeterminismCheck.tieOrderIndependent(scenario.program(), scenario.settings(), StallPolicies.PATIENT, shuffleSeed));
  }

  @Provide
  Arbitrary<String> policies() {
    return Arbitraries.of(StallPolicies.names());
  }
}
