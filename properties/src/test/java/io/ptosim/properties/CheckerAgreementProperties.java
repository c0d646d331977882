package io.ptosim.properties;

import io.ptosim.properties.check.CheckerAgreementCheck;
import io.ptosim.properties.check.Problems;
import io.ptosim.properties.gen.Scenario;
import io.ptosim.properties.gen.Scenarios;
import io.ptosim.properties.jqwik.CounterexampleHook;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Property (c), {@link CheckerAgreementCheck}: on small windows, {@code checker} and {@code patient}
 * agree: REAL_DEADLOCK / LOST_WAKEUP aborts exactly when patient ends QUIESCENT_BLOCKED, completion
 * exactly when patient completes, every stall called UNRETIRED_PROGRESS is granted under patient,
 * and no INVARIANT_VIOLATION (verdict or monitor) without a fault.
 *
 * <p>Fails for a checker that misreads the snapshot, e.g. one that treats a READY task or a pending
 * block-done event as no progress (false REAL_DEADLOCK), or a snapshot that omits pending kernel
 * events; and with {@code lost-advance} on, where the checker must say LOST_WAKEUP while patient
 * ends QUIESCENT_BLOCKED and the monitor (on here) names the lost advance.
 */
@AddLifecycleHook(CounterexampleHook.class)
class CheckerAgreementProperties {

  @Property(tries = 250)
  void checkerAgreesWithPatient(@ForAll(supplier = Scenarios.Stalling.class) Scenario scenario) {
    Problems.require(CheckerAgreementCheck.check(scenario.program(), scenario.settings()));
  }

  /**
   * The same under pr482, whose deferred MANUAL tasks pin their producers outside the scope from
   * the submit to scope_end: the stall snapshots must show those references (no INVARIANT_VIOLATION
   * "misses N consumer releases") and no proof may count a pinned consumer as published (no
   * UNRETIRED_PROGRESS where patient ends quiescent).
   */
  @Property(tries = 150)
  void checkerAgreesWithPatientUnderPr482(@ForAll(supplier = Scenarios.Stalling.class) Scenario scenario) {
    Problems.require(CheckerAgreementCheck.check(scenario.program(), scenario.settings().withRuntime("pr482")));
  }
}
