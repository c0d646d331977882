package io.ptosim.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;
import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.runtime.InvariantViolation;
import io.ptosim.scheduler.runtime.PublishMode;
import io.ptosim.scheduler.runtime.RingConfig;
import io.ptosim.scheduler.runtime.TaskIds;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Nested MANUAL scopes (manual-scope v0): MANUAL{ t0 long OUTPUT X; MANUAL{ t1 INPUT X } }. X was
 * created in the MANUAL region, so no lookup finds t0 for t1: only an explicit edge t0 -> t1 orders
 * them. The edge names a task of the enclosing scope (ring 1) from the nested one (ring 2); in
 * deferred mode t0 is still unpublished when the nested scope ends and wires t1.
 */
class NestedManualScopeTest {
  private static final long T0 = TaskIds.of(1, 0);
  private static final long T1 = TaskIds.of(2, 0);

  private static Program program(boolean edge) {
    ProgramBuilder pb = ProgramBuilder.named("nested-manual" + (edge ? "-with-edge" : ""));
    TensorArg x = TensorArg.output(0x1000_0000L, 256);
    pb.scope(ScopeMode.MANUAL);
    long t0 = pb.submit("long", 0b001, 1, x);
    pb.scope(ScopeMode.MANUAL);
    long t1 = pb.submit("short", 0b010, 1, TensorArg.input(x.base(), 0, 256), TensorArg.output(0x2000_0000L, 256));
    if (edge) {
      pb.addDependency(t0, t1);
    }
    return pb.endScope().endScope().build();
  }

  private static RunConfig.Builder config(boolean edge, PublishMode mode) {
    return RunConfig.builder(program(edge)).policy("patient").publishMode(mode);
  }

  @ParameterizedTest
  @EnumSource(PublishMode.class)
  void anExplicitEdgeFromTheEnclosingScopeIsWiredAndWaitedFor(PublishMode mode) {
    TracedRun run = TracedRun.of(config(true, mode).invariantMonitor(true).build());

    assertThat(run.report().outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(run.releasedEdges()).containsExactly(List.of(T0, T1));
    assertThat(run.assertProducersCompleteBeforeConsumersDispatch()).isEqualTo(1);
  }

  @Test
  void aDeferredConsumerWaitingForAnUnpublishedEnclosingProducerCanDeadlockTheRing() {
    // MANUAL{ t0; MANUAL{ t1 <- t0 }; MANUAL{ t2, t3, t4 } } with ring 2 holding 3 live tasks: t1
    // (ring 2 head) waits for t0, which only the outer scope_end publishes; the orchestrator waits
    // for a ring-2 slot to submit t4: a real cycle (no scope holds window - 1 tasks).
    ProgramBuilder pb = ProgramBuilder.named("nested-manual-cycle");
    TensorArg x = TensorArg.output(0x1000_0000L, 256);
    pb.scope(ScopeMode.MANUAL);
    long t0 = pb.submit("short", 0b001, 1, x);
    pb.scope(ScopeMode.MANUAL);
    long t1 = pb.submit("short", 0b010, 1, TensorArg.input(x.base(), 0, 256));
    pb.addDependency(t0, t1).endScope();
    pb.scope(ScopeMode.MANUAL);
    for (int i = 0; i < 3; i++) {
      pb.submit("short", 0b010, 1, TensorArg.output(0x2000_0000L + 4096L * i, 256));
    }
    Program p = pb.endScope().endScope().build();
    RunConfig.Builder b = RunConfig.builder(p).publishMode(PublishMode.DEFERRED)
        .rings(RingConfig.defaults().withWindow(2, 4)).invariantMonitor(true);

    assertThat(TracedRun.of(b.policy("patient").build()).report().outcome()).isEqualTo(Outcome.QUIESCENT_BLOCKED);
    assertThat(TracedRun.of(b.policy("checker").build()).report().finding().orElseThrow().verdict())
        .isEqualTo("REAL_DEADLOCK");
    // Incremental publishing has no such cycle: t0 runs at once.
    assertThat(TracedRun.of(b.policy("patient").publishMode(PublishMode.INCREMENTAL).build()).report().outcome())
        .isEqualTo(Outcome.COMPLETED);
  }

  @ParameterizedTest
  @EnumSource(PublishMode.class)
  void withoutTheEdgeTheMonitorNamesTheLostDependency(PublishMode mode) {
    // Without the monitor the run "completes": t1 runs long before t0 finishes writing X.
    assertThat(TracedRun.of(config(false, mode).build()).report().outcome()).isEqualTo(Outcome.COMPLETED);

    assertThatThrownBy(() -> TracedRun.of(config(false, mode).invariantMonitor(true).build()))
        .isInstanceOf(InvariantViolation.class)
        .hasMessageContaining("task " + T1 + ": dispatched before task " + T0 + " completed")
        .hasMessageContaining("program task 1 has no add_dependency on program task 0");
  }
}
