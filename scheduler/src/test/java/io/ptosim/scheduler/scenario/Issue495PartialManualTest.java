package io.ptosim.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ptosim.analysis.StallChecker;
import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.RingRecord;
import io.ptosim.analysis.snapshot.TaskRecord;
import io.ptosim.analysis.snapshot.TaskState;
import io.ptosim.analysis.snapshot.WaitResource;
import io.ptosim.analysis.text.SnapshotParser;
import io.ptosim.analysis.verdict.VerdictKind;
import io.ptosim.des.event.Shape;
import io.ptosim.des.event.TraceEvent;
import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.scheduler.fault.Fault;
import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.runtime.InvariantViolation;
import io.ptosim.scheduler.runtime.PublishMode;
import io.ptosim.scheduler.runtime.TaskIds;
import io.ptosim.scheduler.runtime.TestPrograms;
import io.ptosim.scheduler.workload.PagedAttention;
import io.ptosim.scheduler.workload.PagedAttentionCase;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Upstream #495, the seed: partial-manual paged attention with deferred publish on a2a3sim.
 *
 * <p>Setup: Case2 (one MANUAL scope per batch holding 4 x 128 = 512 tasks on ring 3) with a 1024
 * window, which holds one scope and 511 tasks of the next. The orchestrator publishes batch 0 at its
 * scope_end (1.4 ms), fills the ring with batch 1 and blocks at 2,616,700 ns; kernels take 1-2 ms
 * on a2a3sim, so the ring head (QK of block 0) is retired only after its SF completes, at ~5 ms.
 * The legacy heuristic gives up 1 ms into the stall while 80 QK tasks are READY with fanin 1/1 and
 * 48 kernels run: progress that exists but is not retired. The same run under {@code patient}
 * completes.
 */
class Issue495PartialManualTest {
  private static final long STALL_NS = 2_616_700;

  private static RunConfig.Builder case2(String policy) {
    return RunConfig.builder(PagedAttention.program(PagedAttentionCase.byName("Case2"), true))
        .platform(PlatformProfiles.a2a3sim()).policy(policy).publishMode(PublishMode.DEFERRED).window(1024);
  }

  @Test
  void legacyAbortsWhileTasksAreReadyWithTheirFaninComplete() throws Exception {
    TracedRun run = TracedRun.of(case2("legacy").invariantMonitor(true).build());

    assertThat(run.report().outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(run.report().exitCode()).isEqualTo(3);
    assertThat(run.report().message()).isEqualTo("FATAL: Task Allocator Deadlock - Task Ring Full!");
    assertThat(run.report().stalls()).singleElement().satisfies(s -> {
      assertThat(s.atNs()).isEqualTo(STALL_NS);
      assertThat(s.ring()).isEqualTo(3);
    });
    assertThat(run.report().virtualTimeNs()).isEqualTo(STALL_NS + 1_000_000);
    assertThat(run.report().tasksCompleted()).isEqualTo(26);

    var snapshot = run.finalSnapshot();
    assertThat(snapshot.orchestrator()).isEqualTo(new OrchestratorState.Blocked(WaitResource.TASK_RING, 3));
    assertThat(snapshot.ring(3)).contains(new RingRecord(3, 1024, TaskIds.of(3, 0), TaskIds.of(3, 1023)));
    List<TaskRecord> ready = snapshot.tasks().stream().filter(t -> t.state() == TaskState.READY).toList();
    assertThat(ready).hasSize(80).allSatisfy(t -> assertThat(t.fanin().isComplete()).isTrue());
    assertThat(ready.get(0).id()).isEqualTo(TaskIds.of(3, 192));
    assertThat(ready.get(0).fanin().toString()).isEqualTo("1/1");
    assertThat(snapshot.tasks().stream().filter(t -> t.state() == TaskState.RUNNING)).hasSize(48);
    assertThat(snapshot.tasks().stream().filter(t -> t.state() == TaskState.CONSUMED)).isEmpty();

    // The dump is what `ptosim check` reads: printed, parsed back, the checker sees the progress.
    String text = run.report().finalSnapshotText().orElseThrow();
    var parsed = SnapshotParser.parse(text).snapshot();
    assertThat(new StallChecker(parsed).verdict().kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
  }

  @Test
  void patientCompletesTheSameRun() {
    TracedRun run = TracedRun.of(case2("patient").build());

    assertThat(run.report().outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(run.report().tasksCompleted()).isEqualTo(32_832);
    assertThat(run.report().stalls()).isNotEmpty().allSatisfy(s -> assertThat(s.resumed()).isTrue());
  }

  @Test
  void checkerSeesUnretiredProgressAtEveryStallAndCompletes() {
    TracedRun run = TracedRun.of(case2("checker").build());

    assertThat(run.report().outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(run.report().stalls()).isNotEmpty().allSatisfy(s -> {
      assertThat(s.verdict()).contains("UNRETIRED_PROGRESS");
      assertThat(s.resumed()).isTrue();
    });
    assertThat(run.trace().events(TraceEvent.StallVerdict.class)).hasSizeGreaterThanOrEqualTo(run.report().stalls().size());
  }

  /** Seed bug 1: the deferred publish path publishes the hidden alloc_tensors task into the AIV queue. */
  @Test
  void publishHiddenAllocSendsTheMaskZeroTaskToTheAivQueue() {
    long hidden = TaskIds.of(2, 0);
    RunConfig.Builder config = RunConfig.builder(TestPrograms.manualScopeWithAlloc()).policy("patient")
        .publishMode(PublishMode.DEFERRED);

    TracedRun correct = TracedRun.of(config.build());
    assertThat(correct.trace().events(TraceEvent.Ready.class)).noneMatch(r -> r.task() == hidden);

    TracedRun faulty = TracedRun.of(config.fault(Fault.PUBLISH_HIDDEN_ALLOC).build());
    assertThat(faulty.report().outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(faulty.trace().events(TraceEvent.Ready.class)).filteredOn(r -> r.task() == hidden)
        .singleElement().satisfies(r -> {
          assertThat(r.shape()).isEqualTo(Shape.AIV);
          assertThat(r.atNs()).isEqualTo(2_600);
        });
    assertThat(faulty.trace().events(TraceEvent.Dispatch.class)).filteredOn(d -> d.task() == hidden)
        .singleElement().satisfies(d -> {
          assertThat(d.shape()).isEqualTo(Shape.AIV);
          assertThat(d.kernel()).isEqualTo("alloc_tensors");
          assertThat(d.core().toString()).isEqualTo("AIV0");
        });

    assertThatThrownBy(() -> TracedRun.of(config.invariantMonitor(true).build()))
        .isInstanceOf(InvariantViolation.class)
        .hasMessageContaining("at event 'publish' t=2600 ns: task " + hidden + ": hidden alloc_tensors task");
  }

  /** Seed bug 2: the completion path enqueues a consumer without PENDING -> READY. */
  @Test
  void readyWithoutTransitionIsNamedByTheMonitor() {
    RunConfig.Builder config = RunConfig.builder(PagedAttention.program(PagedAttentionCase.byName("CaseSmall1"), false))
        .fault(Fault.READY_WITHOUT_TRANSITION);

    assertThat(TracedRun.of(config.build()).report().outcome()).isEqualTo(Outcome.COMPLETED);
    // The first task made ready by a completion: SF of block 0 (ring 3, local 1), when QK 0 completes.
    assertThatThrownBy(() -> TracedRun.of(config.invariantMonitor(true).build()))
        .isInstanceOfSatisfying(InvariantViolation.class, v -> {
          assertThat(v.task()).isEqualTo(TaskIds.of(3, 1));
          assertThat(v.rule()).contains("in state PENDING");
        })
        .hasMessageContaining("t=5145 ns");
  }
}
