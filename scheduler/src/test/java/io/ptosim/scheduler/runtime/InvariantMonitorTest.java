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
import java.util.List;
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
}
