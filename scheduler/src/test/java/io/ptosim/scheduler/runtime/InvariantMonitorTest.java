package io.ptosim.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ptosim.scheduler.fault.Fault;
import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.run.Simulation;
import io.ptosim.scheduler.workload.PagedAttention;
import io.ptosim.scheduler.workload.PagedAttentionCase;
import io.ptosim.scheduler.workload.WorkloadParams;
import io.ptosim.scheduler.workload.Workloads;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;
import io.ptosim.scheduler.version.RuntimeVersions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each bug switch breaks a rule the invariant monitor names; without the switch the same run is clean. */
class InvariantMonitorTest {

  private static RunConfig.Builder exposing(Fault fault) {
    switch (fault) {
      case PUBLISH_HIDDEN_ALLOC:
        return RunConfig.builder(TestPrograms.manualScopeWithAlloc()).publishMode(PublishMode.DEFERRED);
      case READY_WITHOUT_TRANSITION:
        return RunConfig.builder(PagedAttention.program(PagedAttentionCase.byName("CaseSmall1"), false));
      case LOST_ADVANCE:
        return RunConfig.builder(Workloads.byName("lost-advance").program(WorkloadParams.defaults().withWindow(64)))
            .window(64);
      case LOST_DEFERRED_COMPLETION:
        // a window the consumers fill: the run goes quiescent instead of meeting main's 10 s scheduler timeout
        return RunConfig.builder(Workloads.byName("defer-wait").program(WorkloadParams.defaults())).window(16);
      default:
        throw new AssertionError("no program exposes " + fault);
    }
  }

  private static String rule(Fault fault) {
    switch (fault) {
      case PUBLISH_HIDDEN_ALLOC:
        return "hidden alloc_tensors task (active_mask 0) published";
      case READY_WITHOUT_TRANSITION:
        return "enqueued in a ready queue in state PENDING";
      case LOST_ADVANCE:
        return "head is CONSUMED but last_alive was never advanced";
      case LOST_DEFERRED_COMPLETION:
        return "blocks finished but the completion was never recorded (lost deferred completion)";
      default:
        throw new AssertionError(fault);
    }
  }

  @ParameterizedTest
  @EnumSource(Fault.class)
  void monitorCatchesTheFault(Fault fault) {
    RunConfig.Builder config = exposing(fault).policy("patient").invariantMonitor(true);

    assertThat(Simulation.run(config.build(), List.of()).outcome()).isEqualTo(Outcome.COMPLETED);
    assertThatThrownBy(() -> Simulation.run(config.fault(fault).build(), List.of()))
        .isInstanceOf(InvariantViolation.class)
        .hasMessageContaining(rule(fault));
  }

  /**
   * Found by CheckerAgreementProperties: two threads make the two ring-2 tasks CONSUMED at once and
   * pr482's try-lock loser returns, so the program ends with a CONSUMED head behind last_alive. That is
   * pr482's own rule (upstream #1545), not a broken one: the monitor stays silent under pr482 and
   * names it only where the version promises the advance (main, with the lost-advance fault).
   */
  @Test
  void aConsumedHeadLeftBehindIsPr482sOwnRuleButBreaksMainsPromise() {
    ProgramBuilder pb = ProgramBuilder.named("two-nested-auto-scopes");
    pb.scope(ScopeMode.AUTO).scope(ScopeMode.AUTO);
    pb.submit("qk", 0b001, 3, TensorArg.output(1 << 20, 256));
    pb.submit("qk", 0b001, 1, TensorArg.output(2 << 20, 256));
    Program p = pb.endScope().endScope().build();
    RunConfig.Builder pr482 = RunConfig.builder(p).runtime(RuntimeVersions.byName("pr482")).window(4)
        .publishMode(PublishMode.DEFERRED).policy("patient").invariantMonitor(true);

    assertThat(Simulation.run(pr482.build(), List.of()).outcome()).isEqualTo(Outcome.COMPLETED);
    assertThatThrownBy(() -> Simulation.run(pr482.runtime(RuntimeVersions.byName("main-6ebaf77"))
        .fault(Fault.LOST_ADVANCE).build(), List.of()))
        .isInstanceOf(InvariantViolation.class)
        .hasMessageContaining("ring 2 head is CONSUMED but last_alive was never advanced");
  }
}
