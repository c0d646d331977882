package io.ptosim.scheduler.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.TensorArg;
import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.run.RunReport;
import io.ptosim.scheduler.run.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fatals the orchestrator raises itself: the submit-time require_sync_start guard
 * ({@code SyncStartGuard}) and the orchestration's {@code rt_report_fatal} ({@code ReportFatalRule}),
 * on upstream's fixtures {@code require_sync_start_orch.cpp} and {@code explicit_fatal_orch.cpp}
 * (corpus runs {@code fatal-require-sync-start-invalid}, {@code fatal-explicit-fatal}: their device
 * lines are those logs').
 */
class OrchestratorFatalsTest {
  private static final int AIV0 = 0b0010;
  private static final int AIC = 0b0001;
  private static final int MIX = 0b0111;
  private static final int SYNC_START = 0b1000;

  private static Program syncStart(int mask, int blocks) {
    ProgramBuilder pb = ProgramBuilder.named("sync-start");
    pb.submit("short", mask, blocks, TensorArg.output(0x1000_0000L, 4));
    return pb.build();
  }

  private static RunReport run(Program p, RuntimeVersion v) {
    return Simulation.run(RunConfig.builder(p).runtime(v).platform(PlatformProfiles.a2a3sim()).build(), List.of());
  }

  @Test
  void mainRefusesASyncStartTaskOfMoreBlocksThanItsShapeHasSlotsWithCode7() {
    RunReport r = run(syncStart(AIV0 | SYNC_START, 1000), RuntimeVersions.main());

    assertThat(r.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(r.exitCode()).isEqualTo(7);
    assertThat(r.tasksCompleted()).isZero();
    assertThat(r.deviceLog()).containsExactly(
        "[ERROR] submit_task: FATAL(code=7): require_sync_start block_num=1000 > limit=16 (deadlock guaranteed)");
  }

  @Test
  void theLimitIsEveryAivCoreForAnAivTaskAndEveryClusterOtherwise() {
    // a2a3sim: 8 clusters of 1 AIC + 2 AIV.
    assertThat(run(syncStart(AIV0 | SYNC_START, 16), RuntimeVersions.main()).outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(run(syncStart(AIV0 | SYNC_START, 17), RuntimeVersions.main()).message())
        .isEqualTo("require_sync_start block_num=17 > limit=16 (deadlock guaranteed)");
    assertThat(run(syncStart(AIC | SYNC_START, 8), RuntimeVersions.main()).outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(run(syncStart(AIC | SYNC_START, 9), RuntimeVersions.main()).exitCode()).isEqualTo(7);
    assertThat(run(syncStart(MIX | SYNC_START, 9), RuntimeVersions.main()).message()).contains("limit=8");
    // Without the bit there is no guard.
    assertThat(run(syncStart(AIV0, 1000), RuntimeVersions.main()).outcome()).isEqualTo(Outcome.COMPLETED);
  }

  @Test
  void pr482sGuardIsTheSameButLatchesNoCode() {
    RunReport r = run(syncStart(AIV0 | SYNC_START, 1000), RuntimeVersions.pr482());

    assertThat(r.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(r.exitCode()).isZero();
    assertThat(r.deviceLog()).containsExactly(
        "[ERROR] pto2_submit_mixed_task_impl: FATAL: require_sync_start block_num=1000 > limit=16 (deadlock guaranteed)");
  }

  /** explicit_fatal_orch.cpp up to its fatal, then a scope the fatal turns into a no-op. */
  private static Program explicitFatal() {
    ProgramBuilder pb = ProgramBuilder.named("explicit-fatal");
    pb.allocTensors(TensorArg.output(0x1000_0000L, 4));
    pb.reportFatal(9, "st injected fatal");
    pb.scope(io.ptosim.scheduler.program.ScopeMode.AUTO).submit("short", AIV0, 1);
    return pb.endScope().build();
  }

  @Test
  void mainsReportFatalLatchesItsCodeAndNothingAfterItRuns() {
    RunReport r = run(explicitFatal(), RuntimeVersions.main());

    assertThat(r.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(r.exitCode()).isEqualTo(9);
    assertThat(r.message()).isEqualTo("st injected fatal");
    assertThat(r.deviceLog()).containsExactly("[ERROR] aicpu_orchestration_entry: FATAL(code=9): st injected fatal");
    // The alloc task before it completed at submit; the task after it was never submitted.
    assertThat(r.tasksCompleted()).isEqualTo(1);
    assertThat(run(ProgramBuilder.named("bare").reportFatal(12, "").build(), RuntimeVersions.main()).deviceLog())
        .containsExactly("[ERROR] aicpu_orchestration_entry: FATAL(code=12)");
  }

  @Test
  void pr482HasNoReportFatalSoTheProgramIsRefusedBeforeTheRun() {
    assertThatThrownBy(() -> RunConfig.builder(explicitFatal()).runtime(RuntimeVersions.pr482()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("op 1: (report_fatal) runtime pr482 (01d0723) has no rt_report_fatal: an orchestration calling it"
            + " does not build there");
  }
}
