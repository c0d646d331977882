package io.ptosim.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ptosim.analysis.StallChecker;
import io.ptosim.analysis.graph.WaitVertex;
import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.RingRecord;
import io.ptosim.analysis.snapshot.TaskRecord;
import io.ptosim.analysis.snapshot.TaskState;
import io.ptosim.analysis.snapshot.TraceEvidence;
import io.ptosim.analysis.snapshot.WaitResource;
import io.ptosim.analysis.text.SnapshotParser;
import io.ptosim.analysis.verdict.InvariantRule;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.VerdictKind;
import io.ptosim.analysis.verdict.Violation;
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
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Upstream #495, the seed: partial-manual paged attention with deferred publish on a2a3sim.
 *
 * <p>Setup: Case2 (one MANUAL scope per batch on ring 2 holding the alloc_tensors task, PR #482's
 * buffer-owner "hub", and 4 x 128 = 512 compute tasks; the executor's scope is depth 0, the batch's
 * AUTO scope depth 1, the MANUAL scope depth 2) with a 1024 window, which holds one scope and 510
 * tasks of the next. The orchestrator publishes batch 0 at its scope_end (1.33 ms), fills the ring
 * with batch 1 and blocks at 2,612,300 ns; kernels take 1-2 ms on a2a3sim, and the ring head (the
 * hidden alloc task, COMPLETED, fanout 1/2) is retired only after UP of block 0 releases it (the
 * explicit hub -> UP0 edge), at 14.35 ms. The legacy heuristic gives up 1 ms into the stall while
 * 56 QK tasks are READY with fanin 1/1 and 72 are dispatched (48 kernels run, and main's pending slots
 * hold 24 more, one per AIC core): progress that exists but is not retired.
 * The same run under {@code patient} completes. With seed bug 1 or 2 switched on, the checker
 * policy names the broken rule.
 */
class Issue495PartialManualTest {
  private static final long STALL_NS = 2_612_300;
  /** Batch 0's alloc_tensors task: the first task of its MANUAL scope, ring 2 local 0. */
  private static final long HUB = TaskIds.of(2, 0);

  private static RunConfig.Builder case2(String policy) {
    return RunConfig.builder(PagedAttention.program(PagedAttentionCase.byName("Case2"), true))
        .platform(PlatformProfiles.a2a3simFastSpin()).policy(policy).publishMode(PublishMode.DEFERRED).window(1024);
  }

  @Test
  void legacyAbortsWhileTasksAreReadyWithTheirFaninComplete() throws Exception {
    TracedRun run = TracedRun.of(case2("legacy").invariantMonitor(true).build());

    assertThat(run.report().outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(run.report().exitCode()).isEqualTo(3);
    assertThat(run.report().message()).isEqualTo("FATAL: Task Allocator Deadlock - Task Ring Full!");
    assertThat(run.report().stalls()).singleElement().satisfies(s -> {
      assertThat(s.atNs()).isEqualTo(STALL_NS);
      assertThat(s.ring()).isEqualTo(2);
    });
    assertThat(run.report().virtualTimeNs()).isEqualTo(STALL_NS + 1_000_000);
    assertThat(run.report().tasksCompleted()).isEqualTo(26);

    var snapshot = run.finalSnapshot();
    assertThat(snapshot.orchestrator()).isEqualTo(new OrchestratorState.Blocked(WaitResource.TASK_RING, 2));
    assertThat(snapshot.ring(2)).contains(new RingRecord(2, 1024, TaskIds.of(2, 0), TaskIds.of(2, 1023)));
    List<TaskRecord> ready = snapshot.tasks().stream().filter(t -> t.state() == TaskState.READY).toList();
    assertThat(ready).hasSize(56).allSatisfy(t -> assertThat(t.fanin().isComplete()).isTrue());
    assertThat(ready.get(0).id()).isEqualTo(TaskIds.of(2, 289));
    assertThat(ready.get(0).fanin().toString()).isEqualTo("1/1");
    assertThat(snapshot.tasks().stream().filter(t -> t.state() == TaskState.RUNNING)).hasSize(72);
    assertThat(snapshot.tasks().stream().filter(t -> t.state() == TaskState.CONSUMED)).isEmpty();
    // The head is the hub: completed at submit, never published, waiting for UP 0's release.
    assertThat(run.task(HUB)).satisfies(h -> {
      assertThat(h.hidden()).isTrue();
      assertThat(h.state()).isEqualTo(TaskState.COMPLETED);
      assertThat(h.fanout().toString()).isEqualTo("1/2");
      assertThat(h.nextBlock()).isZero();
    });

    // The dump is what `ptosim check` reads: printed, parsed back, the checker sees the progress.
    // Every queued task is listed as the device's ready(local) line: exactly the 56 READY tasks.
    String text = run.report().finalSnapshotText().orElseThrow();
    assertThat(text.lines().filter(l -> l.startsWith("ready(local): "))).hasSize(56)
        .allSatisfy(l -> assertThat(l).endsWith(" shape=0 fanin=1/1"));
    var parsed = SnapshotParser.parse(text).snapshot();
    assertThat(parsed.evidence()).extracting(TraceEvidence::task)
        .containsExactlyInAnyOrderElementsOf(ready.stream().map(TaskRecord::id).toList());
    Verdict fromText = new StallChecker(parsed).verdict();
    assertThat(fromText.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
    assertThat(fromText).isEqualTo(new StallChecker(snapshot).verdict());
  }

  /**
   * Upstream's rings: the executor's scope is depth 0 (ring 0), the per-batch AUTO scope depth 1
   * (ring 1) and the MANUAL scope, or in AUTO mode each KV block's scope, depth 2 (ring 2, the
   * 4 x n_b compute tasks). The alloc_tensors task lives in the batch's AUTO scope in AUTO mode
   * (ring 1), and is the first task of the MANUAL scope in the manual modes (ring 2, PR #482's hub).
   */
  @Test
  void allocTasksLiveInTheBatchScopeOrFirstInTheManualScope() {
    PagedAttentionCase c = PagedAttentionCase.byName("CaseVarSeq4");
    for (boolean manual : new boolean[] {true, false}) {
      TracedRun run = TracedRun.of(RunConfig.builder(PagedAttention.program(c, manual)).policy("patient")
          .publishMode(manual ? PublishMode.DEFERRED : PublishMode.INCREMENTAL).invariantMonitor(true).build());
      assertThat(run.report().outcome()).isEqualTo(Outcome.COMPLETED);
      List<TraceEvent.Submit> submits = run.trace().events(TraceEvent.Submit.class);
      assertThat(submits).as("manual=%s", manual).hasSize((int) c.taskCount());
      assertThat(submits).filteredOn(TraceEvent.Submit::hidden).hasSize(c.batch())
          .allSatisfy(s -> assertThat(s.ring()).isEqualTo(manual ? 2 : 1));
      assertThat(submits).filteredOn(s -> !s.hidden()).hasSize((int) c.taskCount() - c.batch())
          .allSatisfy(s -> assertThat(s.ring()).isEqualTo(2));
      if (manual) {
        assertThat(submits.get(0).task()).isEqualTo(TaskIds.of(2, 0));
        assertThat(submits.get(0).hidden()).isTrue();
        assertThat(submits.get(1).task()).isEqualTo(TaskIds.of(2, 1));
      } else {
        assertThat(submits.get(0).task()).isEqualTo(TaskIds.of(1, 0));
        assertThat(submits.get(1).task()).isEqualTo(TaskIds.of(2, 0));
      }
      // Correct runs never publish or dispatch a hidden task (the monitor would have thrown).
      Set<Long> hidden = submits.stream().filter(TraceEvent.Submit::hidden).map(TraceEvent.Submit::task)
          .collect(Collectors.toSet());
      assertThat(run.trace().events(TraceEvent.Publish.class)).noneMatch(p -> hidden.contains(p.task()));
    }
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

  /**
   * A deferred task holds no producer until its scope_end wires it: the snapshot must not show its
   * cross-scope producer waiting for it (that made the checker see a cycle through the blocked
   * orchestrator's publish where patient completes).
   */
  @Test
  void anUnwiredDeferredTaskHoldsNoProducer() {
    RunConfig.Builder config = RunConfig.builder(TestPrograms.unwiredCrossScopeConsumer()).window(4)
        .publishMode(PublishMode.DEFERRED).invariantMonitor(true);
    TracedRun patient = TracedRun.of(config.policy("patient").build());
    TracedRun checker = TracedRun.of(config.policy("checker").build());

    assertThat(patient.report().stalls()).isNotEmpty();
    assertThat(patient.report().outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(checker.report().outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(checker.report().stalls()).allSatisfy(s -> assertThat(s.verdict()).contains("UNRETIRED_PROGRESS"));

    // Stopped at its stall, legacy's snapshot shows t1 waiting for its publish only.
    TracedRun legacy = TracedRun.of(config.policy("legacy").platform(PlatformProfiles.a2a3().with("kernel.qk", 2_000_000))
        .build());
    var snapshot = legacy.finalSnapshot();
    assertThat(legacy.task(TaskIds.of(1, 1)).fanin().toString()).isEqualTo("1/2");
    assertThat(legacy.task(TaskIds.of(1, 0)).fanout().toString()).isEqualTo("1/1");
    assertThat(snapshot.edges().orElseThrow()).isEmpty();
    assertThat(new StallChecker(snapshot).verdict().kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
  }

  /**
   * Seed bug 1 under the checker: batch 0's scope_end publishes its hub, which goes READY into the
   * AIV queue and is dispatched; at the first stall the snapshot shows it as the buggy runtime left
   * it (COMPLETED again, next_block 1, done 1/1) and the checker names it. The progress certificate
   * gives up on the broken head instead of proving the stall clears.
   */
  @Test
  void checkerNamesThePublishedHiddenAllocTask() throws Exception {
    TracedRun run = TracedRun.of(case2("checker").fault(Fault.PUBLISH_HIDDEN_ALLOC).build());

    assertThat(run.report().outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(run.report().exitCode()).isEqualTo(3);
    assertThat(run.report().stalls()).singleElement().satisfies(s -> {
      assertThat(s.atNs()).isEqualTo(STALL_NS);
      assertThat(s.verdict()).contains("INVARIANT_VIOLATION");
    });
    assertThat(run.report().finding()).hasValueSatisfying(f -> {
      assertThat(f.verdict()).isEqualTo("INVARIANT_VIOLATION");
      assertThat(f.reason()).startsWith("Impossible state: hidden task " + HUB + " (active_mask 0, kind=alloc)");
    });
    assertThat(run.report().message()).startsWith("ptosim checker: INVARIANT_VIOLATION on ring 2:")
        .contains("hidden task " + HUB);
    assertThat(run.trace().events(TraceEvent.Dispatch.class)).filteredOn(d -> d.task() == HUB).singleElement()
        .satisfies(d -> assertThat(d.shape()).isEqualTo(Shape.AIV));
    assertThat(run.task(HUB)).satisfies(h -> {
      assertThat(h.nextBlock()).isEqualTo(1);
      assertThat(h.done().toString()).isEqualTo("1/1");
    });

    Verdict fromText = new StallChecker(SnapshotParser.parse(run.report().finalSnapshotText().orElseThrow()).snapshot())
        .verdict();
    assertThat(fromText).isInstanceOfSatisfying(io.ptosim.analysis.verdict.InvariantViolation.class, v -> {
      assertThat(v.reason()).isEqualTo(run.report().finding().orElseThrow().reason());
      assertThat(v.violations()).extracting(Violation::rule).contains(InvariantRule.HIDDEN_TASK_PUBLISHED);
      assertThat(v.violations()).extracting(Violation::subject).contains(new WaitVertex.Task(HUB));
    });
  }

  /**
   * Seed bug 2 under the checker: consumers made ready by a completion are queued still PENDING.
   * The stall snapshot lists every queued task as its ready(local) line, so the checker sees a
   * PENDING task the device traced as ready (rather than a wake-up nothing will deliver).
   */
  @Test
  void checkerNamesAQueuedTaskThatNeverBecameReady() throws Exception {
    TracedRun run = TracedRun.of(case2("checker").fault(Fault.READY_WITHOUT_TRANSITION).build());

    assertThat(run.report().outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(run.report().exitCode()).isEqualTo(3);
    var snapshot = run.finalSnapshot();
    List<Long> pendingQueued = snapshot.evidence().stream().map(TraceEvidence::task)
        .filter(id -> run.task(id).state() == TaskState.PENDING).sorted().toList();
    assertThat(pendingQueued).hasSize(56).allSatisfy(id -> assertThat(run.task(id).fanin().isComplete()).isTrue());
    long named = pendingQueued.get(0);
    assertThat(named).isEqualTo(TaskIds.of(2, 239));
    assertThat(run.report().finding()).hasValueSatisfying(f -> {
      assertThat(f.verdict()).isEqualTo("INVARIANT_VIOLATION");
      assertThat(f.reason()).startsWith("Impossible state: a ready(local) trace shows task " + named
          + " made ready or dispatched, yet it is PENDING");
    });
    assertThat(run.report().stalls()).last().satisfies(s -> assertThat(s.verdict()).contains("INVARIANT_VIOLATION"));

    String text = run.report().finalSnapshotText().orElseThrow();
    assertThat(text).contains("ready(local): task=" + named + " shape=0 fanin=2/2");
    assertThat(new StallChecker(SnapshotParser.parse(text).snapshot()).verdict())
        .isInstanceOfSatisfying(io.ptosim.analysis.verdict.InvariantViolation.class, v -> {
          assertThat(v.reason()).isEqualTo(run.report().finding().orElseThrow().reason());
          assertThat(v.violations()).extracting(Violation::rule).containsOnly(InvariantRule.DISPATCHED_WITHOUT_READY);
          assertThat(v.violations()).extracting(Violation::subject).contains(new WaitVertex.Task(named));
        });
  }

  /** Seed bug 1: the deferred publish path publishes the hidden alloc_tensors task into the AIV queue. */
  @Test
  void publishHiddenAllocSendsTheMaskZeroTaskToTheAivQueue() {
    long hidden = TaskIds.of(1, 0);
    RunConfig.Builder config = RunConfig.builder(TestPrograms.manualScopeWithAlloc()).policy("patient")
        .publishMode(PublishMode.DEFERRED);

    TracedRun correct = TracedRun.of(config.build());
    assertThat(correct.trace().events(TraceEvent.Ready.class)).noneMatch(r -> r.task() == hidden);

    TracedRun faulty = TracedRun.of(config.fault(Fault.PUBLISH_HIDDEN_ALLOC).build());
    assertThat(faulty.report().outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(faulty.trace().events(TraceEvent.Ready.class)).filteredOn(r -> r.task() == hidden)
        .singleElement().satisfies(r -> {
          assertThat(r.shape()).isEqualTo(Shape.AIV);
          assertThat(r.atNs()).isEqualTo(2_500);
        });
    assertThat(faulty.trace().events(TraceEvent.Dispatch.class)).filteredOn(d -> d.task() == hidden)
        .singleElement().satisfies(d -> {
          assertThat(d.shape()).isEqualTo(Shape.AIV);
          assertThat(d.kernel()).isEqualTo("alloc_tensors");
          assertThat(d.core().toString()).isEqualTo("AIV0");
        });

    assertThatThrownBy(() -> TracedRun.of(config.invariantMonitor(true).build()))
        .isInstanceOf(InvariantViolation.class)
        .hasMessageContaining("at event 'publish' t=2500 ns: task " + hidden + ": hidden alloc_tensors task");
  }

  /** Seed bug 2: the completion path enqueues a consumer without PENDING -> READY. */
  @Test
  void readyWithoutTransitionIsNamedByTheMonitor() {
    RunConfig.Builder config = RunConfig.builder(PagedAttention.program(PagedAttentionCase.byName("CaseSmall1"), false))
        .fault(Fault.READY_WITHOUT_TRANSITION);

    assertThat(TracedRun.of(config.build()).report().outcome()).isEqualTo(Outcome.COMPLETED);
    // The first task made ready by a completion: SF of block 0 (ring 2, local 1), when QK 0 completes.
    assertThatThrownBy(() -> TracedRun.of(config.invariantMonitor(true).build()))
        .isInstanceOfSatisfying(InvariantViolation.class, v -> {
          assertThat(v.task()).isEqualTo(TaskIds.of(2, 1));
          assertThat(v.rule()).contains("in state PENDING");
        })
        .hasMessageContaining("t=5045 ns");
  }
}
