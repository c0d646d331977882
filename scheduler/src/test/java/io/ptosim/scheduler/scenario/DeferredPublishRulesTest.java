package io.ptosim.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;
import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.runtime.PublishMode;
import io.ptosim.scheduler.runtime.RingConfig;
import io.ptosim.scheduler.runtime.TaskIds;
import io.ptosim.scheduler.version.RuntimeVersion;
import io.ptosim.scheduler.version.RuntimeVersions;
import org.junit.jupiter.api.Test;

/**
 * The deferred-publish path of pr482 (01d0723, after abace346a): a manual submit wires its
 * producer outside the scope at once, and add_dependency wires its edge at once; the draft model
 * kept under main wires both at scope_end. Observed in the snapshot of a #277 abort taken inside
 * the MANUAL scope, before its scope_end.
 */
class DeferredPublishRulesTest {
  private static final long P = TaskIds.of(1, 0);
  private static final long M = TaskIds.of(2, 0);
  private static final long T = TaskIds.of(2, 1);

  /** AUTO{ P -> x; MANUAL{ M(x) -> y; T -> z; add_dependency(M, T); two more } } with ring 2's window 4. */
  private static Program program() {
    ProgramBuilder pb = ProgramBuilder.named("deferred-wiring");
    TensorArg x = TensorArg.output(0x1000_0000L, 256);
    pb.scope(ScopeMode.AUTO);
    pb.submit("long", 0b001, 1, x);
    pb.scope(ScopeMode.MANUAL);
    long m = pb.submit("short", 0b010, 1, TensorArg.input(x.base(), 0, 256), TensorArg.output(0x2000_0000L, 256));
    long t = pb.submit("short", 0b010, 1, TensorArg.output(0x3000_0000L, 256));
    pb.addDependency(m, t);
    pb.submit("short", 0b010, 1, TensorArg.output(0x4000_0000L, 256));
    pb.submit("short", 0b010, 1, TensorArg.output(0x5000_0000L, 256));
    return pb.endScope().endScope().build();
  }

  private static TracedRun run(RuntimeVersion version) {
    return TracedRun.of(RunConfig.builder(program()).runtime(version).policy("scope-aware")
        .publishMode(PublishMode.DEFERRED).rings(RingConfig.defaults().withWindow(2, 4)).build());
  }

  @Test
  void pr482WiresTheOutsideProducerAtSubmitAndTheExplicitEdgeAtAddDependency() {
    TracedRun run = run(RuntimeVersions.pr482());

    assertThat(run.report().outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(run.report().message()).isEqualTo("FATAL: Scope Deadlock Detected! (ring 2)");
    // P: its scope's reference and M's, taken at M's submit (P stays pinned until M retires).
    assertThat(run.task(P).fanout().total()).isEqualTo(2);
    // M -> T wired by add_dependency itself: M's fanout holds T, T's fanin counts M.
    assertThat(run.task(M).fanout().total()).isEqualTo(2);
    assertThat(run.task(T).fanin().total()).isEqualTo(2);
  }

  @Test
  void theDraftKeptUnderMainWiresBothAtScopeEnd() {
    TracedRun run = run(RuntimeVersions.main());

    assertThat(run.report().message()).isEqualTo("FATAL: Scope Deadlock Detected! (ring 2)");
    assertThat(run.task(P).fanout().total()).isEqualTo(1);
    assertThat(run.task(M).fanout().total()).isEqualTo(1);
    // The edge is recorded (T's fanin counts it) but not yet on M's fanout list.
    assertThat(run.task(T).fanin().total()).isEqualTo(2);
  }
}
