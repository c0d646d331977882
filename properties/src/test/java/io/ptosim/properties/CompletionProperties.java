package io.ptosim.properties;

import io.ptosim.properties.check.CompletionCheck;
import io.ptosim.properties.check.Problems;
import io.ptosim.properties.gen.Scenario;
import io.ptosim.properties.gen.Scenarios;
import io.ptosim.properties.jqwik.CounterexampleHook;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Property (a), {@link CompletionCheck}: on a window larger than the program, with no fault and the
 * invariant monitor on, every valid program completes under {@code patient} without a stall, every
 * task completes, no alloc_tensors task is dispatched, and every task is dispatched only after all
 * producers the program implies completed.
 *
 * <p>Fails with {@code ready-without-transition} (monitor: a PENDING task enqueued),
 * {@code publish-hidden-alloc} in deferred mode (monitor: hidden task published; without the monitor
 * the alloc task is dispatched) and {@code lost-advance} (monitor at quiescence: a CONSUMED ring
 * head never advanced); see {@code PropertiesCanFailTest}. A runtime that wired fewer producers
 * than the program implies (e.g. dropping deferred add_dependency edges) fails the order check.
 */
@AddLifecycleHook(CounterexampleHook.class)
class CompletionProperties {

  @Property(tries = 200)
  void everyProgramCompletesInDependencyOrder(@ForAll(supplier = Scenarios.Unstallable.class) Scenario scenario) {
    Problems.require(CompletionCheck.check(scenario.program(), scenario.settings()));
  }
}
