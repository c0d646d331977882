package io.ptosim.properties;

import io.ptosim.properties.check.FaultDetectionCheck;
import io.ptosim.properties.check.Problems;
import io.ptosim.properties.gen.Scenario;
import io.ptosim.properties.gen.Scenarios;
import io.ptosim.properties.jqwik.CounterexampleHook;
import io.ptosim.scheduler.fault.Fault;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Property (e), {@link FaultDetectionCheck}: with deferred publish and programs that put an
 * alloc_tensors task and an explicit-edge chain in a MANUAL scope, {@code ready-without-transition}
 * and {@code publish-hidden-alloc} are named (invariant monitor or checker verdict) whenever the
 * correct run shows their path is taken, and the monitor is silent when it is not.
 *
 * <p>Fails if the monitor's enqueue-state or hidden-publish rule is dropped, or if a fault switch
 * stops changing the modelled mechanism (it would then no longer be named).
 */
@AddLifecycleHook(CounterexampleHook.class)
class FaultDetectionProperties {

  @Property(tries = 100)
  void readyWithoutTransitionIsNamed(@ForAll("readyWithoutTransition") Scenario scenario) {
    Problems.require(FaultDetectionCheck.check(scenario.program(), scenario.settings(), Fault.READY_WITHOUT_TRANSITION));
  }

  @Property(tries = 100)
  void publishHiddenAllocIsNamed(@ForAll("publishHiddenAlloc") Scenario scenario) {
    Problems.require(FaultDetectionCheck.check(scenario.program(), scenario.settings(), Fault.PUBLISH_HIDDEN_ALLOC));
  }

  @Provide
  Arbitrary<Scenario> readyWithoutTransition() {
    return Scenarios.withFault(Fault.READY_WITHOUT_TRANSITION);
  }

  @Provide
  Arbitrary<Scenario> publishHiddenAlloc() {
    return Scenarios.withFault(Fault.PUBLISH_HIDDEN_ALLOC);
  }
}
