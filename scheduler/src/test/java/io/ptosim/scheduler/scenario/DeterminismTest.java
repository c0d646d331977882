package io.ptosim.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.des.kernel.TieBreak;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.run.RunReport;
import io.ptosim.scheduler.run.Simulation;
import io.ptosim.scheduler.runtime.PublishMode;
import io.ptosim.scheduler.workload.WorkloadParams;
import io.ptosim.scheduler.workload.WorkloadParams.Mode;
import io.ptosim.scheduler.workload.Workloads;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Same config, same trace; and no correct run depends on one particular same-instant order. */
class DeterminismTest {

  /** Every built-in workload, with parameters small enough for a test; all complete but scope-overflow. */
  static Stream<Arguments> workloads() {
    WorkloadParams base = WorkloadParams.defaults().withWindow(64);
    return Stream.of(
        Arguments.of("paged-attention", base.withCase("CaseVarSeq4").withMode(Mode.AUTO), Outcome.COMPLETED),
        Arguments.of("paged-attention", base.withCase("CaseVarSeq4").withMode(Mode.MANUAL), Outcome.COMPLETED),
        Arguments.of("paged-attention", base.withCase("CaseVarSeq4").withMode(Mode.PARTIAL_MANUAL), Outcome.COMPLETED),
        Arguments.of("demo", base, Outcome.COMPLETED),
        Arguments.of("chain", base, Outcome.COMPLETED),
        Arguments.of("chain", base.withMode(Mode.MANUAL).withN(32), Outcome.COMPLETED),
        Arguments.of("chain", base.withMode(Mode.PARTIAL_MANUAL).withN(32), Outcome.COMPLETED),
        Arguments.of("slow-head", base, Outcome.COMPLETED),
        Arguments.of("lost-advance", base, Outcome.COMPLETED),
        Arguments.of("scope-overflow", base, Outcome.QUIESCENT_BLOCKED));
  }

  private static RunConfig config(String workload, WorkloadParams params, TieBreak tie) {
    Program program = Workloads.byName(workload).program(params);
    return RunConfig.builder(program).policy("patient").window(params.window()).tieBreak(tie)
        .publishMode(params.deferredPublish() ? PublishMode.DEFERRED : PublishMode.INCREMENTAL)
        .invariantMonitor(true).build();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("workloads")
  void shuffledTiesGiveTheSameOutcome(String workload, WorkloadParams params, Outcome expected) {
    RunReport fifo = Simulation.run(config(workload, params, TieBreak.fifo()), List.of());
    assertThat(fifo.outcome()).isEqualTo(expected);
    for (long seed = 1; seed <= 4; seed++) {
      RunReport shuffled = Simulation.run(config(workload, params, TieBreak.shuffle(seed)), List.of());
      assertThat(shuffled.outcome()).as("seed %s", seed).isEqualTo(expected);
      assertThat(shuffled.tasksCompleted()).as("seed %s", seed).isEqualTo(fifo.tasksCompleted());
    }
  }

  @Test
  void sameConfigGivesTheSameTraceBytes() {
    WorkloadParams params = WorkloadParams.defaults().withCase("CaseVarSeq4").withMode(Mode.PARTIAL_MANUAL);
    for (TieBreak tie : List.of(TieBreak.fifo(), TieBreak.shuffle(7))) {
      TracedRun first = TracedRun.of(config("paged-attention", params, tie));
      TracedRun second = TracedRun.of(config("paged-attention", params, tie));
      assertThat(second.report().traceHash()).isEqualTo(first.report().traceHash());
      assertThat(second.trace().lines()).isEqualTo(first.trace().lines());
      assertThat(second.report()).isEqualTo(first.report());
    }
  }

  @Test
  void twoShuffleSeedsOrderTiesDifferently() {
    WorkloadParams params = WorkloadParams.defaults().withCase("CaseVarSeq4");
    RunReport one = Simulation.run(config("paged-attention", params, TieBreak.shuffle(1)), List.of());
    RunReport two = Simulation.run(config("paged-attention", params, TieBreak.shuffle(2)), List.of());
    assertThat(one.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(two.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(one.traceHash()).isNotEqualTo(two.traceHash());
  }
}
