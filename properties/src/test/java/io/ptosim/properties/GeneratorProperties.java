package io.ptosim.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.properties.gen.ProgramArbitraries;
import io.ptosim.properties.gen.Scenario;
import io.ptosim.properties.gen.Scenarios;
import io.ptosim.properties.jqwik.CounterexampleHook;
import io.ptosim.properties.run.Observation;
import io.ptosim.properties.run.Runs;
import io.ptosim.scheduler.policy.StallPolicies;
import io.ptosim.scheduler.program.Op;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramException;
import io.ptosim.scheduler.program.ProgramJson;
import io.ptosim.scheduler.program.ProgramValidator;
import io.ptosim.scheduler.program.ScopeMode;
import java.util.ArrayDeque;
import java.util.Deque;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;

/**
 * The generators themselves: every generated program is valid and within bounds and survives the
 * program file format, and the stalling scenarios cover what the other properties need (runs that
 * complete without a stall, complete after stalls, and end blocked; nested MANUAL scopes, AUTO
 * top-level scopes, alloc_tensors inside MANUAL scopes, explicit edges, MIX tasks).
 *
 * <p>{@link #programsAreValid} fails if {@code ProgramRenderer} draws an explicit producer from
 * outside the innermost MANUAL scope, opens AUTO inside MANUAL, or exceeds 16 edges per consumer;
 * {@link #stallingScenariosCoverEveryOutcome} fails if a generator change makes a class of runs
 * rare (e.g. windows too large to stall, or scopes too small to deadlock).
 */
@AddLifecycleHook(CounterexampleHook.class)
class GeneratorProperties {

  @Property(tries = 300)
  void programsAreValid(@ForAll("programs") Program program) throws ProgramException {
    ProgramValidator.validate(program);
    assertThat(program.taskCount()).isBetween(1, ProgramArbitraries.MAX_TASKS);
    assertThat(ProgramJson.parse(ProgramJson.write(program))).isEqualTo(program);
  }

  @Property(tries = 200)
  void stallingScenariosCoverEveryOutcome(@ForAll(supplier = Scenarios.Stalling.class) Scenario scenario) {
    Observation patient = Runs.run(scenario.program(), scenario.settings(), StallPolicies.PATIENT);
    String outcome = patient.outcome() + (patient.completed() && !patient.stalls().isEmpty() ? " after stalls" : "");
    Statistics.label("patient").collect(outcome);
    Shape shape = Shape.of(scenario.program());
    Statistics.label("nested MANUAL").collect(shape.nestedManual);
    Statistics.label("AUTO top scope").collect(shape.autoTop);
    Statistics.label("alloc in MANUAL").collect(shape.allocInManual);
    Statistics.label("explicit edges").collect(shape.edges);
    Statistics.label("MIX task").collect(shape.mix);

    Statistics.label("patient").coverage(c -> {
      c.check("COMPLETED").percentage(p -> p >= 5);
      c.check("COMPLETED after stalls").percentage(p -> p >= 5);
      c.check("QUIESCENT_BLOCKED").percentage(p -> p >= 5);
    });
    for (String label : new String[] {"nested MANUAL", "AUTO top scope", "alloc in MANUAL", "explicit edges", "MIX task"}) {
      Statistics.label(label).coverage(c -> c.check(true).percentage(p -> p >= 5));
    }
  }

  @Provide
  Arbitrary<Program> programs() {
    return ProgramArbitraries.programs();
  }

  /** Which shapes one program has. */
  private record Shape(boolean nestedManual, boolean autoTop, boolean allocInManual, boolean edges, boolean mix) {
    static Shape of(Program program) {
      Deque<ScopeMode> open = new ArrayDeque<>();
      boolean nested = false;
      boolean autoTop = false;
      boolean alloc = false;
      boolean edges = false;
      boolean mix = false;
      for (Op op : program.ops()) {
        if (op instanceof Op.ScopeBegin b) {
          nested |= b.mode() == ScopeMode.MANUAL && open.contains(ScopeMode.MANUAL);
          autoTop |= b.mode() == ScopeMode.AUTO && open.isEmpty();
          open.push(b.mode());
        } else if (op instanceof Op.ScopeEnd) {
          open.pop();
        } else if (op instanceof Op.AllocTensors) {
          alloc |= open.peek() == ScopeMode.MANUAL;
        } else if (op instanceof Op.AddDependency) {
          edges = true;
        } else if (op instanceof Op.Submit s) {
          mix |= Integer.bitCount(s.activeMask() & 7) >= 2;
        }
      }
      return new Shape(nested, autoTop, alloc, edges, mix);
    }
  }
}
