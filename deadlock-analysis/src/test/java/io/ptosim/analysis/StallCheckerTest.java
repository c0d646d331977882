package io.ptosim.analysis;

import static io.ptosim.analysis.Fixtures.assumptions;
import static io.ptosim.analysis.Fixtures.check;
import static io.ptosim.analysis.Fixtures.labels;
import static io.ptosim.analysis.Fixtures.texts;
import static io.ptosim.analysis.Fixtures.vertices;
import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.analysis.graph.WaitVertex;
import io.ptosim.analysis.snapshot.Count;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.snapshot.TaskRecord;
import io.ptosim.analysis.snapshot.TaskState;
import io.ptosim.analysis.snapshot.WaitResource;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.VerdictKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hand-written stalls, one per situation the runtime brief describes; verdicts are exact. */
class StallCheckerTest {
  private static final WaitVertex ORCHESTRATOR = new WaitVertex.Orchestrator();
  private static final WaitVertex HEAD_0 = new WaitVertex.RingHead(0, WaitResource.TASK_RING, 0);

  /** Head task 0, COMPLETED, its scope ended, waiting for one consumer's release. */
  private static final String HEAD_WITH_ONE_CONSUMER =
      "task=0 state=3 fanin=1/1 fanout=1/2 active_mask=1 done=1/1 block_num=1 next_block=1";
  /** RUNNING with its only block done: a deferred completion awaiting its poll, or a lost one (#2260). */
  private static final String FINISHED_CONSUMER =
      "task=1 state=2 fanin=2/2 fanout=1/1 active_mask=2 done=1/1 block_num=1 next_block=1";

  /** Head task 0 in the blocked orchestrator's open scope 1, with READY and RUNNING work elsewhere. */
  private static final String[] HEAD_IN_OPEN_SCOPE = {
    "ring=0 window=4 last_alive=0 current=3",
    "orchestrator=blocked waiting=task_ring ring=0",
    "scope=1 mode=MANUAL state=open",
    "task=0 state=3 fanin=1/1 fanout=0/2 active_mask=1 done=1/1 block_num=1 next_block=1 scope=1",
    "task=1 state=1 fanin=2/2 fanout=0/1 active_mask=2 done=0/1 block_num=1 next_block=0 scope=1",
    "task=2 state=2 fanin=1/1 fanout=0/1 active_mask=1 done=0/2 block_num=2 next_block=1 scope=1",
  };

  @Nested
  class RealDeadlock {
    @Test
    void headInTheBlockedOrchestratorsOpenScopeIsACycleWhateverElseIsReady() {
      Verdict verdict = check(with(HEAD_IN_OPEN_SCOPE, "edge=0->1"));

      assertThat(verdict.kind()).isEqualTo(VerdictKind.REAL_DEADLOCK);
      assertThat(vertices(verdict))
          .containsExactly(ORCHESTRATOR, HEAD_0, new WaitVertex.ScopeEnd(1), ORCHESTRATOR);
      assertThat(labels(verdict))
          .containsExactly("orchestrator", "ring 0 head task 0", "scope 1 end", "orchestrator");
      assertThat(texts(verdict)).containsExactly(
          "orchestrator blocked on task_ring of ring 0 waits for ring 0 head task 0 to be retired",
          "ring 0 head task 0 (COMPLETED, fanout 0/2) waits for scope 1 end: the open scope still holds a"
              + " fanout reference",
          "scope 1 end waits for the orchestrator: only it ends scopes",
          "orchestrator: the cycle closes, it cannot continue before ring 0 head task 0 is retired");
      assertThat(verdict.reason()).isEqualTo(
          "The blocked orchestrator waits for ring 0 head task 0, which waits for scope 1 end, which only the"
              + " orchestrator can perform: a cycle of waits that no event can break.");
      assertThat(verdict.certain()).isTrue();
    }

    @Test
    void theScopeCycleNeedsNoEdgesToBeCertain() {
      // Without edges task 1 is only assumed to be the consumer; the cycle does not use that.
      Verdict verdict = check(HEAD_IN_OPEN_SCOPE);

      assertThat(verdict.kind()).isEqualTo(VerdictKind.REAL_DEADLOCK);
      assertThat(vertices(verdict))
          .containsExactly(ORCHESTRATOR, HEAD_0, new WaitVertex.ScopeEnd(1), ORCHESTRATOR);
      assertThat(verdict.certain()).isTrue();
    }

    @Test
    void anUnpublishedConsumerIsACycleThroughPublish() {
      String[] lines = {
        "scope=1 mode=MANUAL state=open",
        HEAD_WITH_ONE_CONSUMER,
        "task=1 state=0 fanin=1/2 fanout=0/1 active_mask=2 done=0/1 block_num=1 next_block=0 scope=1",
      };
      Verdict exact = check(with(lines, "edge=0->1"));
      Verdict counters = check(lines);

      assertThat(exact.kind()).isEqualTo(VerdictKind.REAL_DEADLOCK);
      assertThat(vertices(exact))
          .containsExactly(ORCHESTRATOR, HEAD_0, new WaitVertex.Task(1), ORCHESTRATOR);
      assertThat(texts(exact).get(2))
          .isEqualTo("task 1 (PENDING, fanin 1/2) waits for the orchestrator to publish it");
      assertThat(exact.reason()).endsWith("which waits for task 1, which only the orchestrator can publish:"
          + " a cycle of waits that no event can break.");
      assertThat(exact.certain()).isTrue();

      assertThat(counters.kind()).isEqualTo(VerdictKind.REAL_DEADLOCK);
      assertThat(vertices(counters)).isEqualTo(vertices(exact));
      assertThat(counters.certain()).isFalse();
      assertThat(assumptions(counters)).containsExactly(
          "task 0 (fanout 1/2): unreleased consumer assumed to be task 1, the nearest unfinished later tasks"
              + " of its ring",
          "task 1 (fanin 1/2): assumed unpublished, as too few unfinished earlier tasks explain the missing"
              + " releases");
    }

    @Test
    void anEmptyEventListDoesNotTurnAnOrchestratorCycleIntoALostWakeup() {
      Verdict verdict = check(with(HEAD_IN_OPEN_SCOPE, "edge=0->1", "pending=none"));

      assertThat(verdict.kind()).isEqualTo(VerdictKind.REAL_DEADLOCK);
      assertThat(vertices(verdict))
          .containsExactly(ORCHESTRATOR, HEAD_0, new WaitVertex.ScopeEnd(1), ORCHESTRATOR);
    }

    @Test
    void heapWaitsNameTheHeapHead() {
      String[] lines = HEAD_IN_OPEN_SCOPE.clone();
      lines[1] = "orchestrator=blocked waiting=heap ring=0";
      Verdict verdict = check(lines);

      assertThat(labels(verdict))
          .containsExactly("orchestrator", "ring 0 heap head task 0", "scope 1 end", "orchestrator");
      assertThat(texts(verdict).get(0))
          .isEqualTo("orchestrator blocked on heap of ring 0 waits for ring 0 heap head task 0 to be retired");
    }
  }

  @Nested
  class UnretiredProgress {
    private final String[] runningConsumer = {
      "scope=1 mode=MANUAL state=closed",
      "task=0 state=3 fanin=1/1 fanout=1/2 active_mask=1 done=1/1 block_num=1 next_block=1 scope=1",
      "task=1 state=2 fanin=2/2 fanout=1/1 active_mask=1 done=0/1 block_num=1 next_block=1 scope=1",
    };

    @Test
    void aHeadWaitingForARunningConsumerInAClosedScopeIsRetiredOnceItCompletes() {
      Verdict verdict = check(with(runningConsumer, "edge=0->1"));

      assertThat(verdict.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
      assertThat(texts(verdict)).containsExactly(
          "task 1 RUNNING (done 0/1) -> completes",
          "task 1 completes -> releases task 0 fanout (2/2)",
          "task 0 CONSUMED",
          "ring 0 last_alive advances 0 -> 1");
      assertThat(vertices(verdict)).containsExactly(new WaitVertex.Task(1), HEAD_0, HEAD_0, HEAD_0);
      assertThat(verdict.certain()).isTrue();
      assertThat(verdict.assumptions()).isEmpty();
    }

    @Test
    void withoutEdgesTheSameVerdictRestsOnAnAssumedConsumer() {
      Verdict verdict = check(runningConsumer);

      assertThat(verdict.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
      assertThat(texts(verdict)).isEqualTo(texts(check(with(runningConsumer, "edge=0->1"))));
      assertThat(verdict.certain()).isFalse();
      assertThat(assumptions(verdict)).containsExactly(
          "task 0 (fanout 1/2): unreleased consumer assumed to be task 1, the nearest unfinished later tasks"
              + " of its ring");
    }

    @Test
    void aChainOfProducersIsFollowedToTheHead() {
      Verdict verdict = check(
          HEAD_WITH_ONE_CONSUMER,
          "task=1 state=1 fanin=1/1 fanout=1/2 active_mask=1 done=0/1 block_num=1 next_block=0",
          "task=2 state=0 fanin=2/3 fanout=1/1 active_mask=3 done=0/1 block_num=1 next_block=0",
          "edge=0->2",
          "edge=1->2");

      assertThat(verdict.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
      assertThat(texts(verdict)).containsExactly(
          "task 1 READY -> completes",
          "task 1 completes -> releases task 2 fanin (3/3)",
          "task 2 READY -> completes",
          "task 2 completes -> releases task 0 fanout (2/2)",
          "task 0 CONSUMED",
          "ring 0 last_alive advances 0 -> 1");
    }

    @Test
    void aRunningOrchestratorEndsTheScope() {
      Verdict verdict = check(
          "orchestrator=running",
          "scope=1 mode=MANUAL state=open",
          "task=0 state=3 fanin=1/1 fanout=0/1 active_mask=1 done=1/1 block_num=1 next_block=1 scope=1",
          "edge=none");

      assertThat(verdict.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
      assertThat(texts(verdict)).containsExactly(
          "orchestrator ends scope 1",
          "scope 1 end -> releases task 0 fanout (1/1)",
          "task 0 CONSUMED",
          "ring 0 last_alive advances 0 -> 1");
    }

    @Test
    void aConsumedHeadIsAdvancedByTheNextConsumedTransition() {
      Verdict verdict = check(
          "task=0 state=4 fanin=1/1 fanout=1/1 active_mask=1 done=1/1 block_num=1 next_block=1",
          "task=1 state=3 fanin=1/1 fanout=1/2 active_mask=1 done=1/1 block_num=1 next_block=1",
          "task=2 state=1 fanin=2/2 fanout=1/1 active_mask=1 done=0/1 block_num=1 next_block=0",
          "edge=1->2");

      assertThat(verdict.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
      assertThat(texts(verdict)).containsExactly(
          "task 2 READY -> completes",
          "task 2 completes -> releases task 1 fanout (2/2)",
          "task 1 CONSUMED",
          "ring 0 last_alive advances 0 -> 2");
      assertThat(vertices(verdict)).containsExactly(
          new WaitVertex.Task(2), new WaitVertex.Retirement(1), new WaitVertex.Retirement(1), HEAD_0);
    }

    @Test
    void aPendingAdvanceEventAdvancesAConsumedHead() {
      Verdict verdict = check(
          "task=0 state=4 fanin=1/1 fanout=1/1 active_mask=1 done=1/1 block_num=1 next_block=1",
          "edge=none",
          "pending=advance at_ns=1500 task=0");

      assertThat(verdict.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
      assertThat(texts(verdict)).containsExactly(
          "pending advance event at 1500 ns for task 0",
          "pending advance event -> ring 0 last_alive advances 0 -> 1");
    }

    @Test
    void releasesACompletedConsumerStillOwesAreFlushedByTheScheduler() {
      Verdict verdict = check(
          HEAD_WITH_ONE_CONSUMER,
          "task=1 state=3 fanin=2/2 fanout=1/1 active_mask=2 done=1/1 block_num=1 next_block=1",
          "task=2 state=1 fanin=1/1 fanout=1/1 active_mask=2 done=0/1 block_num=1 next_block=0",
          "edge=0->1");

      assertThat(verdict.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
      assertThat(texts(verdict)).containsExactly(
          "scheduler flushes deferred releases -> task 0 fanout (2/2)",
          "task 0 CONSUMED",
          "ring 0 last_alive advances 0 -> 1");
      assertThat(verdict.certain()).isTrue();
    }

    @Test
    void theWaitedRingIsTheOneTheOrchestratorNames() {
      Verdict verdict = check(
          "ring=0 window=16 last_alive=0 current=1",
          "ring=1 window=16 last_alive=1099511627776 current=1099511627778",
          "orchestrator=blocked waiting=task_ring ring=1",
          "task=0 state=0 fanin=0/1 fanout=1/1 active_mask=1 done=0/1 block_num=1 next_block=0 ring=0",
          "task=1099511627776 state=3 fanin=1/1 fanout=1/2 active_mask=1 done=1/1 block_num=1 next_block=1 ring=1",
          "task=1099511627777 state=2 fanin=2/2 fanout=1/1 active_mask=1 done=0/1 block_num=1 next_block=1 ring=1",
          "edge=1099511627776->1099511627777");

      assertThat(verdict.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
      assertThat(labels(verdict)).last().isEqualTo("ring 1 head task 1099511627776");
      assertThat(texts(verdict)).last().isEqualTo("ring 1 last_alive advances 1099511627776 -> 1099511627777");
    }

    @Test
    void nothingWaitsWhenTheOrchestratorRunsAndTheRingIsEmpty() {
      Verdict verdict = check("orchestrator=running", "ring=0 window=8 last_alive=3 current=3");

      assertThat(verdict.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
      assertThat(verdict.reason())
          .isEqualTo("Nothing waits: the orchestrator is not blocked and ring 0 holds no live task.");
    }

    @Test
    void pendingEventsKeepTheSchedulerAlive() {
      Verdict verdict = check(with(runningConsumer, "edge=0->1", "pending=orchestrator at_ns=10"));

      assertThat(verdict.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
    }
  }

  @Nested
  class LostWakeup {
    /** Found by the exhaustive search: this was REAL_DEADLOCK through the any-of head's later tasks. */
    @Test
    void aConsumedHeadWhoseLaterTasksWaitForTheBlockedOrchestratorsScopeIsALostAdvance() {
      Verdict verdict = check(
          "ring=0 last_alive=0 current=2", "scope=1 mode=AUTO state=open",
          "task=0 state=4 fanin=1/1 fanout=1/1 active_mask=1 done=1/1 block_num=1 next_block=1",
          "task=1 state=3 fanin=1/1 fanout=0/1 active_mask=1 done=1/1 block_num=1 next_block=1 scope=1",
          "edge=none");

      assertThat(verdict.kind()).isEqualTo(VerdictKind.LOST_WAKEUP);
      assertThat(texts(verdict)).containsExactly(
          "orchestrator blocked on task_ring of ring 0 waits for ring 0 head task 0 to be retired",
          "ring 0 head task 0 (CONSUMED, fanout 1/1) waits for its due last_alive advance transition",
          "ring 0 head task 0 is CONSUMED but last_alive was never advanced past it, and nothing in flight will"
              + " deliver it");
    }

    @Test
    void aConsumedHeadThatNobodyAdvancesWithNothingInFlight() {
      Verdict verdict = check(
          "task=0 state=4 fanin=1/1 fanout=1/1 active_mask=1 done=1/1 block_num=1 next_block=1",
          "task=1 state=4 fanin=1/1 fanout=1/1 active_mask=1 done=1/1 block_num=1 next_block=1");

      assertThat(verdict.kind()).isEqualTo(VerdictKind.LOST_WAKEUP);
      assertThat(vertices(verdict)).containsExactly(ORCHESTRATOR, HEAD_0);
      assertThat(texts(verdict)).containsExactly(
          "orchestrator blocked on task_ring of ring 0 waits for ring 0 head task 0 to be retired",
          "ring 0 head task 0 is CONSUMED but last_alive was never advanced past it, and no task of ring 0"
              + " can still become CONSUMED to advance it");
      assertThat(verdict.reason()).isEqualTo(
          "ring 0 head task 0 will not be retired although the rules allow progress: ring 0 head task 0 is"
              + " CONSUMED but last_alive was never advanced past it, and no task of ring 0 can still become"
              + " CONSUMED to advance it.");
      assertThat(verdict.certain()).isTrue();
    }

    @Test
    void aCompletedHeadWithEveryReferenceReleasedThatNeverBecameConsumed() {
      Verdict verdict = check(
          "task=0 state=3 fanin=1/1 fanout=2/2 active_mask=1 done=1/1 block_num=1 next_block=1",
          "task=1 state=1 fanin=1/1 fanout=0/1 active_mask=1 done=0/1 block_num=1 next_block=0");

      assertThat(verdict.kind()).isEqualTo(VerdictKind.LOST_WAKEUP);
      assertThat(vertices(verdict)).containsExactly(ORCHESTRATOR, HEAD_0, new WaitVertex.Wakeup(0));
      assertThat(texts(verdict).get(1)).isEqualTo(
          "ring 0 head task 0 (COMPLETED, fanout 2/2) waits for its due COMPLETED -> CONSUMED transition");
      assertThat(texts(verdict).get(2)).isEqualTo(
          "task 0 has fanout 2/2 and no open scope yet never became CONSUMED, and nothing in flight will"
              + " deliver it");
    }

    @Test
    void aPendingTaskWithCompleteFaninThatNeverBecameReady() {
      Verdict verdict = check(
          HEAD_WITH_ONE_CONSUMER,
          "task=1 state=0 fanin=2/2 fanout=1/1 active_mask=2 done=0/1 block_num=1 next_block=0",
          "edge=0->1",
          "pending=dispatch at_ns=900");

      assertThat(verdict.kind()).isEqualTo(VerdictKind.LOST_WAKEUP);
      assertThat(vertices(verdict))
          .containsExactly(ORCHESTRATOR, HEAD_0, new WaitVertex.Task(1), new WaitVertex.Wakeup(1));
      assertThat(texts(verdict).get(3))
          .isEqualTo("task 1 has fanin 2/2 yet never became READY, and no pending event names it");
    }

    /** #2260: every block done, not COMPLETED, and nothing names it: its completion was lost, not its dispatch. */
    @Test
    void aTaskWhoseBlocksAllFinishedButWhoseCompletionWasNeverRecorded() {
      Verdict verdict = check(
          HEAD_WITH_ONE_CONSUMER,
          FINISHED_CONSUMER,
          "edge=0->1",
          "pending=dispatch at_ns=900");

      assertThat(verdict.kind()).isEqualTo(VerdictKind.LOST_WAKEUP);
      assertThat(vertices(verdict))
          .containsExactly(ORCHESTRATOR, HEAD_0, new WaitVertex.Task(1), new WaitVertex.Wakeup(1));
      assertThat(texts(verdict)).containsExactly(
          "orchestrator blocked on task_ring of ring 0 waits for ring 0 head task 0 to be retired",
          "ring 0 head task 0 (COMPLETED, fanout 1/2) waits for consumer task 1 (RUNNING) to complete",
          "task 1 (RUNNING, fanin 2/2) waits for its due completion (all 1 block(s) done) transition",
          "task 1 is RUNNING with fanin 2/2 and all its blocks done (1/1): it is on no core and in no ready queue,"
              + " yet its completion was never recorded, and no pending event names it");
    }

    @Test
    void aPendingCompleteEventNamingAFinishedTaskIsItsDeferredCompletion() {
      Verdict verdict = check(
          HEAD_WITH_ONE_CONSUMER,
          FINISHED_CONSUMER,
          "edge=0->1",
          "pending=complete at_ns=900 task=1");

      assertThat(verdict.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
      assertThat(texts(verdict)).containsExactly(
          "pending complete event at 900 ns for task 1",
          "pending event records task 1's completion",
          "task 1 RUNNING (done 1/1) -> completes",
          "task 1 completes -> releases task 0 fanout (2/2)",
          "task 0 CONSUMED",
          "ring 0 last_alive advances 0 -> 1");
    }

    @Test
    void aDeviceDumpsFinishedTaskStillWaitsForTheRunningScheduler() {
      // a device's counters are read while its scheduler runs: no lost completion is concluded from them
      Verdict verdict = check(HEAD_WITH_ONE_CONSUMER, FINISHED_CONSUMER, "edge=0->1");

      assertThat(verdict.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
    }

    @Test
    void aPendingEventNamingTheTaskDeliversTheTransition() {
      Verdict verdict = check(
          HEAD_WITH_ONE_CONSUMER,
          "task=1 state=0 fanin=2/2 fanout=1/1 active_mask=2 done=0/1 block_num=1 next_block=0",
          "edge=0->1",
          "pending=ready at_ns=900 task=1");

      assertThat(verdict.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
      assertThat(texts(verdict)).containsExactly(
          "pending ready event at 900 ns for task 1",
          "task 1 PENDING -> READY",
          "task 1 READY -> completes",
          "task 1 completes -> releases task 0 fanout (2/2)",
          "task 0 CONSUMED",
          "ring 0 last_alive advances 0 -> 1");
    }

    @Test
    void deferredReleasesAreNeverFlushedWhenNothingIsPending() {
      Verdict verdict = check(
          HEAD_WITH_ONE_CONSUMER,
          "task=1 state=3 fanin=2/2 fanout=1/1 active_mask=2 done=1/1 block_num=1 next_block=1",
          "edge=0->1",
          "pending=none");

      assertThat(verdict.kind()).isEqualTo(VerdictKind.LOST_WAKEUP);
      assertThat(vertices(verdict)).containsExactly(ORCHESTRATOR, HEAD_0, new WaitVertex.Scheduler());
      assertThat(texts(verdict).get(1)).isEqualTo(
          "ring 0 head task 0 (COMPLETED, fanout 1/2) waits for the scheduler to flush 1 deferred fanout"
              + " release(s)");
    }

    @Test
    void aHiddenTaskLeftPendingIsNeverCompleted() {
      Verdict verdict = check(
          HEAD_WITH_ONE_CONSUMER,
          "task=1 state=0 fanin=0/1 fanout=1/1 active_mask=0 done=0/1 block_num=1 next_block=0 kind=alloc",
          "edge=0->1");

      assertThat(verdict.kind()).isEqualTo(VerdictKind.LOST_WAKEUP);
      assertThat(vertices(verdict))
          .containsExactly(ORCHESTRATOR, HEAD_0, new WaitVertex.Task(1), new WaitVertex.Wakeup(1));
      assertThat(texts(verdict).get(3)).isEqualTo(
          "hidden task 1 is PENDING, but hidden tasks are completed at submit and nothing else completes them");
    }

    @Test
    void withNothingPendingReadyWorkIsNeverDispatched() {
      String[] lines = {
        HEAD_WITH_ONE_CONSUMER,
        "task=1 state=1 fanin=2/2 fanout=1/1 active_mask=2 done=0/1 block_num=1 next_block=0",
        "edge=0->1",
      };
      Verdict device = check(lines);
      Verdict simulation = check(with(lines, "pending=none"));

      assertThat(device.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
      assertThat(simulation.kind()).isEqualTo(VerdictKind.LOST_WAKEUP);
      assertThat(vertices(simulation))
          .containsExactly(ORCHESTRATOR, HEAD_0, new WaitVertex.Task(1), new WaitVertex.Scheduler());
      assertThat(texts(simulation).get(3)).isEqualTo(
          "the simulation has no pending event left, so no task will be dispatched or completed");
    }

  }

  @Nested
  class InvariantViolation {
    private Verdict single(String task) {
      return check(HEAD_WITH_ONE_CONSUMER, task);
    }

    @Test
    void aFinishedOrchestratorNeverPublishes() {
      Verdict verdict = check(
          "orchestrator=finished",
          HEAD_WITH_ONE_CONSUMER,
          "task=1 state=0 fanin=1/2 fanout=0/1 active_mask=2 done=0/1 block_num=1 next_block=0");

      // Counters only: the unpublished task is an assumption, so the violation is too.
      assertThat(verdict.kind()).isEqualTo(VerdictKind.INVARIANT_VIOLATION);
      assertThat(verdict.certain()).isFalse();
      assertThat(texts(verdict)).containsExactly(
          "task 1 is unpublished (fanin 1/2) after the orchestrator finished, but a finished orchestrator has"
              + " published every task");
    }

    @Test
    void aFinishedOrchestratorLeavesNoScopeOpen() {
      Verdict verdict = check(
          "orchestrator=finished",
          "scope=3 mode=AUTO state=open",
          "task=0 state=3 fanin=1/1 fanout=0/1 active_mask=1 done=1/1 block_num=1 next_block=1 scope=3");

      assertThat(vertices(verdict)).containsExactly(new WaitVertex.ScopeEnd(3));
      assertThat(texts(verdict)).containsExactly(
          "scope 3 is open after the orchestrator finished, but a finished orchestrator has ended every scope");
      assertThat(verdict.certain()).isTrue();
    }

    @Test
    void withEdgesAnUnpublishedTaskAfterFinishIsCertain() {
      Verdict verdict = check(
          "orchestrator=finished",
          HEAD_WITH_ONE_CONSUMER,
          "task=1 state=0 fanin=1/2 fanout=1/1 active_mask=2 done=0/1 block_num=1 next_block=0",
          "edge=0->1");

      assertThat(texts(verdict)).containsExactly(
          "task 1 is unpublished (fanin 1/2) after the orchestrator finished, but a finished orchestrator has"
              + " published every task");
      assertThat(verdict.certain()).isTrue();
    }

    @Test
    void countersThatNoEarlierTaskCanExplainAreAnAssumedViolation() {
      Verdict verdict = check(
          HEAD_WITH_ONE_CONSUMER,
          "task=1 state=0 fanin=0/3 fanout=1/1 active_mask=2 done=0/1 block_num=1 next_block=0");

      assertThat(verdict.kind()).isEqualTo(VerdictKind.INVARIANT_VIOLATION);
      assertThat(verdict.certain()).isFalse();
      assertThat(texts(verdict)).containsExactly(
          "task 1 misses 3 fanin releases (fanin 0/3) but only 0 unfinished earlier tasks of its ring and the"
              + " publish barrier can release it, but missing fanin releases come from unfinished earlier tasks"
              + " or the publish barrier");
      assertThat(assumptions(verdict)).containsExactly(
          "task 1 (fanin 0/3): unreleased producers assumed to be unfinished tasks of its ring, of which there"
              + " are none, the nearest unfinished earlier tasks of its ring");
    }

    @Test
    void aPendingTaskThatWasDispatchedSkippedItsReadyTransition() {
      Verdict verdict = single("task=1 state=0 fanin=2/2 fanout=1/1 active_mask=2 done=0/1 block_num=1 next_block=1");

      assertThat(texts(verdict)).containsExactly(
          "task 1 is PENDING with next_block 1 and done 0/1, but a task is dispatched only after PENDING -> READY");
    }

    @Test
    void aTraceWhoseShapeDisagreesWithTheMask() {
      Verdict verdict = check(
          HEAD_WITH_ONE_CONSUMER,
          "task=1 state=1 fanin=2/2 fanout=1/1 active_mask=2 done=0/1 block_num=1 next_block=0",
          "ready(local): task=1 shape=0 fanin=2/2");

      assertThat(texts(verdict)).containsExactly(
          "a ready(local) trace gives task 1 shape 0 but its active_mask 2 selects shape 1, but a trace line's"
              + " shape is the one the task's active_mask selects");
    }

    @Test
    void aCompletedTaskWithBlocksLeft() {
      Verdict verdict = single("task=1 state=3 fanin=1/1 fanout=1/1 active_mask=2 done=1/2 block_num=2 next_block=2");

      assertThat(texts(verdict)).containsExactly(
          "task 1 is COMPLETED with done 1/2 of block_num 2, but a task completes when done == block_num");
    }

    @Test
    void aCorruptedCounterFromASimulation() {
      Snapshot snapshot = Snapshot.builder()
          .addTask(TaskRecord.of(0, TaskState.RUNNING, Count.unchecked(3, 2), Count.of(0, 1), 1, Count.of(0, 1), 1, 1))
          .build();

      assertThat(texts(new StallChecker(snapshot).verdict())).containsExactly(
          "task 0 has fanin=3/2, but a counter a/b never exceeds its total");
    }

    @Test
    void aWaitOnAnEmptyRing() {
      Verdict verdict = check("ring=0 window=8 last_alive=4 current=4");

      assertThat(texts(verdict)).containsExactly(
          "the orchestrator waits on ring 0, which holds no live task (last_alive = current = 4), but the"
              + " orchestrator only waits on a ring that holds live tasks");
    }

    @Test
    void anOverfullRing() {
      Verdict verdict = check(
          "ring=0 window=2 last_alive=0 current=2",
          HEAD_WITH_ONE_CONSUMER,
          "task=1 state=1 fanin=1/1 fanout=1/1 active_mask=2 done=0/1 block_num=1 next_block=0");

      assertThat(texts(verdict)).containsExactly(
          "ring 0 holds 2 live task ids (last_alive 0, current 2) in a window of 2, but at most window - 1"
              + " tasks are live in a ring");
    }

    @Test
    void readyWithFaninMissingNamesTheTask() {
      Verdict verdict = single("task=1 state=1 fanin=1/2 fanout=0/1 active_mask=2 done=0/1 block_num=1 next_block=0");

      assertThat(verdict.kind()).isEqualTo(VerdictKind.INVARIANT_VIOLATION);
      assertThat(vertices(verdict)).containsExactly(new WaitVertex.Task(1));
      assertThat(texts(verdict)).containsExactly(
          "task 1 is READY with fanin 1/2, but a READY or RUNNING task has received all fanin (a == b)");
      assertThat(verdict.reason()).isEqualTo(
          "Impossible state: task 1 is READY with fanin 1/2, but a READY or RUNNING task has received all"
              + " fanin (a == b).");
      assertThat(verdict.certain()).isTrue();
    }

    @Test
    void doneBeyondBlockNum() {
      Verdict verdict = single("task=1 state=2 fanin=1/1 fanout=0/1 active_mask=2 done=2/2 block_num=1 next_block=1");

      assertThat(texts(verdict)).containsExactly(
          "task 1 has done=2/2 but block_num=1, but done=a/b counts block_num blocks",
          "task 1 has done 2 > block_num 1, but done never exceeds block_num",
          "task 1 has done 2 > next_block 1, but only dispatched blocks finish (done <= next_block)");
    }

    @Test
    void aHiddenTaskMustNeverBeReady() {
      Verdict verdict =
          single("task=1 state=1 fanin=1/1 fanout=0/1 active_mask=0 done=0/1 block_num=1 next_block=0 kind=alloc");

      assertThat(texts(verdict)).containsExactly(
          "hidden task 1 (active_mask 0, kind=alloc) is READY with next_block 0, but hidden alloc_tensors"
              + " tasks (mask 0) are never published or dispatched");
    }

    @Test
    void aDispatchTraceOfAHiddenTaskIsSeedBugOne() {
      Verdict verdict = check(
          HEAD_WITH_ONE_CONSUMER,
          "task=1 state=3 fanin=0/1 fanout=0/2 active_mask=0 done=0/1 block_num=1 next_block=0 kind=alloc",
          "dispatch: thread=2 shape=1 task=1 block=0/1");

      assertThat(texts(verdict)).containsExactly(
          "a dispatch trace names hidden task 1 (active_mask 0), but hidden alloc_tensors tasks (mask 0) are"
              + " never published or dispatched");
    }

    @Test
    void consumedWithUnreleasedFanout() {
      Verdict verdict = single("task=1 state=4 fanin=1/1 fanout=1/2 active_mask=2 done=1/1 block_num=1 next_block=1");

      assertThat(texts(verdict)).containsExactly(
          "task 1 is CONSUMED with fanout 1/2, but a CONSUMED task has received all fanout (a == b)");
    }

    @Test
    void aTaskBeforeLastAliveThatIsNotConsumed() {
      Verdict verdict = check(
          "ring=0 window=16 last_alive=1 current=3",
          HEAD_WITH_ONE_CONSUMER,
          "task=1 state=3 fanin=1/1 fanout=1/2 active_mask=1 done=1/1 block_num=1 next_block=1",
          "task=2 state=1 fanin=1/1 fanout=0/1 active_mask=1 done=0/1 block_num=1 next_block=0");

      assertThat(texts(verdict)).containsExactly(
          "task 0 precedes ring 0 last_alive 1 but is COMPLETED, but tasks before last_alive are CONSUMED");
    }

    @Test
    void anEdgeFromALaterTaskOfTheSameRing() {
      Verdict verdict = check(
          HEAD_WITH_ONE_CONSUMER,
          "task=1 state=0 fanin=1/2 fanout=1/2 active_mask=1 done=0/1 block_num=1 next_block=0",
          "task=2 state=1 fanin=1/1 fanout=0/2 active_mask=1 done=0/1 block_num=1 next_block=0",
          "edge=2->1",
          "edge=0->2");

      assertThat(verdict.kind()).isEqualTo(VerdictKind.INVARIANT_VIOLATION);
      assertThat(texts(verdict)).first().isEqualTo(
          "edge 2->1 makes task 1 consume a task of its ring submitted after it, but a producer is"
              + " submitted before its consumers in the same ring");
    }

    @Test
    void faninThatDisagreesWithTheEdges() {
      Verdict verdict = check(
          "task=0 state=2 fanin=1/1 fanout=1/2 active_mask=1 done=0/1 block_num=1 next_block=1",
          "task=1 state=1 fanin=2/2 fanout=1/1 active_mask=1 done=0/1 block_num=1 next_block=0",
          "edge=0->1");

      assertThat(texts(verdict)).containsExactly(
          "task 1 is READY while its producer task 0 is RUNNING, but fanin b counts the producers + 1, and"
              + " b - a = unfinished producers + the publish barrier");
    }

    @Test
    void tasksWaitingForEachOtherAcrossRingsAreACycle() {
      Verdict verdict = check(
          "ring=0 window=16 last_alive=0 current=1",
          "ring=1 window=16 last_alive=7 current=8",
          "task=0 state=0 fanin=1/2 fanout=1/2 active_mask=1 done=0/1 block_num=1 next_block=0 ring=0",
          "task=7 state=0 fanin=1/2 fanout=1/2 active_mask=1 done=0/1 block_num=1 next_block=0 ring=1",
          "edge=7->0",
          "edge=0->7");

      assertThat(verdict.kind()).isEqualTo(VerdictKind.INVARIANT_VIOLATION);
      assertThat(texts(verdict)).containsExactly(
          "the waits task 0 -> task 7 -> task 0 form a cycle, but tasks never wait for each other in a cycle");
    }

    @Test
    void aMissingHeadIsReported() {
      Verdict verdict = check(
          "ring=0 window=16 last_alive=0 current=3",
          "task=1 state=1 fanin=1/1 fanout=0/1 active_mask=1 done=0/1 block_num=1 next_block=0");

      assertThat(texts(verdict)).containsExactly(
          "ring 0 head task 0 is not in the snapshot, but the ring head (the task at last_alive) is in the"
              + " snapshot");
      assertThat(vertices(verdict)).containsExactly(HEAD_0);
    }
  }

  private static String[] with(String[] lines, String... more) {
    String[] all = java.util.Arrays.copyOf(lines, lines.length + more.length);
    System.arraycopy(more, 0, all, lines.length, more.length);
    return all;
  }
}
