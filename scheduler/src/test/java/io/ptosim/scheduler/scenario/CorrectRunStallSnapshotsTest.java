package io.ptosim.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.analysis.StallChecker;
import io.ptosim.analysis.snapshot.DepPoolRecord;
import io.ptosim.analysis.snapshot.Edge;
import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.snapshot.WaitResource;
import io.ptosim.analysis.text.SnapshotParser;
import io.ptosim.analysis.text.SnapshotPrinter;
import io.ptosim.analysis.verdict.VerdictKind;
import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.des.event.TraceEvent;
import io.ptosim.scheduler.program.ArgDirection;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;
import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.runtime.PublishMode;
import io.ptosim.scheduler.runtime.RingConfig;
import io.ptosim.scheduler.runtime.TaskIds;
import io.ptosim.scheduler.version.RuntimeVersions;
import io.ptosim.scheduler.workload.PagedAttention;
import io.ptosim.scheduler.workload.PagedAttentionCase;
import org.junit.jupiter.api.Test;

/**
 * Stall snapshots of correct runs (no fault) under both runtime versions: the snapshot shows every
 * fanout reference a producer holds, so the checker never calls a correct run's stall an
 * INVARIANT_VIOLATION, and its verdict agrees with what patient finds.
 */
class CorrectRunStallSnapshotsTest {

  private static Snapshot roundTrip(Snapshot snapshot) throws Exception {
    return SnapshotParser.parse(SnapshotPrinter.print(snapshot)).snapshot();
  }

  /**
   * Upstream pa-CaseSmall2-dep16 (main, code 4): the consumer blocked in ensure_space already pinned
   * its producers (append_fanin_or_fail) before the pool was asked. The snapshot shows those edges
   * and the pool, and the checker says REAL_DEADLOCK by capacity: 33 tasks never reach the 64-task
   * reclaim point.
   */
  @Test
  void mainDepPool16IsACapacityDeadlockNotAViolation() throws Exception {
    Program program = PagedAttention.program(PagedAttentionCase.byName("CaseSmall2"), false);
    RunConfig config = RunConfig.builder(program).runtime(RuntimeVersions.main()).platform(PlatformProfiles.a2a3sim())
        .publishMode(PublishMode.INCREMENTAL).rings(RingConfig.defaults().withDepPool(16)).policy("checker")
        .invariantMonitor(true).build();
    TracedRun run = TracedRun.of(config);

    assertThat(run.report().outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(run.report().exitCode()).isEqualTo(4);
    // Earlier dependency-pool stalls clear (UNRETIRED_PROGRESS, resumed); none is a violation, the last is the deadlock.
    assertThat(run.trace().events(TraceEvent.StallVerdict.class)).isNotEmpty()
        .allSatisfy(v -> assertThat(v.verdict()).isIn(VerdictKind.UNRETIRED_PROGRESS.name(), VerdictKind.REAL_DEADLOCK.name()));
    assertThat(run.report().stalls()).last().satisfies(s -> assertThat(s.verdict()).contains("REAL_DEADLOCK"));
    assertThat(run.report().stalls()).filteredOn(s -> s.verdict().orElse("").equals("UNRETIRED_PROGRESS"))
        .allSatisfy(s -> assertThat(s.resumed()).isTrue());
    Snapshot snapshot = run.finalSnapshot();
    assertThat(snapshot.orchestrator()).isEqualTo(new OrchestratorState.Blocked(WaitResource.DEP_POOL, 2, 4));
    assertThat(snapshot.ring(2).orElseThrow().depPool())
        .hasValue(new DepPoolRecord(16, 16, TaskIds.of(2, 64)));
    // The blocked consumer (ring 2 local 15) is listed with its pinned producers, the head among them.
    assertThat(snapshot.edges().orElseThrow()).contains(new Edge(TaskIds.of(2, 11), TaskIds.of(2, 15)));
    assertThat(run.task(TaskIds.of(2, 11)).fanout().toString()).isEqualTo("1/2");
    var verdict = new StallChecker(snapshot).verdict();
    assertThat(verdict.kind()).isEqualTo(VerdictKind.REAL_DEADLOCK);
    assertThat(verdict.reason()).isEqualTo("The blocked orchestrator needs 4 dependency entries of ring 2, which has"
        + " 0 of 16 free and reclaims only once last_alive reaches " + TaskIds.of(2, 64) + ", beyond current "
        + TaskIds.of(2, 16) + ": the pool can never get entries back (capacity).");
    assertThat(new StallChecker(roundTrip(snapshot)).verdict()).isEqualTo(verdict);

    RunConfig enough = config.toBuilder().rings(RingConfig.defaults().withDepPool(64)).build();
    assertThat(TracedRun.of(enough).report().outcome()).isEqualTo(Outcome.COMPLETED);
  }

  /**
   * pr482 wires a deferred task's producer outside its MANUAL scope at the submit: the producer is
   * pinned until scope_end. Here that producer is ring 1's head and the scope fills the window: a real
   * deadlock through the blocked orchestrator's publish, which patient confirms (quiescent). The
   * snapshot shows the pinned edge and the consumer's real fanin, and no judgement calls it
   * UNRETIRED_PROGRESS (the progress certificate must not count the pinned consumer as published).
   */
  @Test
  void pr482PinnedDeferredProducerIsARealDeadlockAtEveryJudgement() {
    ProgramBuilder pb = ProgramBuilder.named("pr482-pinned-head");
    TensorArg a = TensorArg.output(268435456L, 256);
    pb.scope(ScopeMode.MANUAL);
    pb.submit("qk", 1, 1, a);
    pb.endScope();
    pb.scope(ScopeMode.MANUAL);
    pb.submit("qk", 1, 1, TensorArg.output(268435712L, 256));
    pb.submit("qk", 1, 1, TensorArg.output(268435968L, 256));
    pb.submit("qk", 1, 1, a.as(ArgDirection.INPUT), TensorArg.output(268436224L, 256));
    for (int k = 0; k < 4; k++) {
      pb.submit("qk", 1, 1, TensorArg.output(268436480L + 256L * k, 256));
    }
    Program program = pb.endScope().build();
    RunConfig.Builder config = RunConfig.builder(program).runtime(RuntimeVersions.pr482())
        .platform(PlatformProfiles.a2a3()).window(8).publishMode(PublishMode.DEFERRED).invariantMonitor(true);

    TracedRun patient = TracedRun.of(config.policy("patient").build());
    TracedRun checker = TracedRun.of(config.policy("checker").build());

    assertThat(patient.report().outcome()).isEqualTo(Outcome.QUIESCENT_BLOCKED);
    assertThat(checker.report().outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(checker.trace().events(TraceEvent.StallVerdict.class)).isNotEmpty()
        .allSatisfy(v -> assertThat(v.verdict()).isEqualTo(VerdictKind.REAL_DEADLOCK.name()));
    Snapshot snapshot = checker.finalSnapshot();
    assertThat(snapshot.edges().orElseThrow()).containsExactly(new Edge(TaskIds.of(1, 0), TaskIds.of(1, 3)));
    assertThat(checker.task(TaskIds.of(1, 0)).fanout().toString()).isEqualTo("1/2");
    // Judged at once, while the head still runs: the consumer waits for it and for its publish.
    assertThat(checker.task(TaskIds.of(1, 0)).state()).isEqualTo(io.ptosim.analysis.snapshot.TaskState.RUNNING);
    assertThat(checker.task(TaskIds.of(1, 3)).fanin().toString()).isEqualTo("0/2");
    assertThat(new StallChecker(snapshot).verdict().kind()).isEqualTo(VerdictKind.REAL_DEADLOCK);
  }
}
