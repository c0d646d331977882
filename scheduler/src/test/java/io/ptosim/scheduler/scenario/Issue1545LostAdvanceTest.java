package io.ptosim.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.TaskState;
import io.ptosim.analysis.snapshot.WaitResource;
import io.ptosim.des.event.TraceEvent;
import io.ptosim.des.platform.PlatformProfile;
import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.scheduler.fault.Fault;
import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.runtime.InvariantViolation;
import io.ptosim.scheduler.runtime.TaskIds;
import io.ptosim.scheduler.workload.WorkloadParams;
import io.ptosim.scheduler.workload.Workloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Upstream #1545 on the {@code lost-advance} workload, window 64 on a2a3: the gate completes at
 * about 5 ms and its two ring-1 consumers, the head H and its successor X, run on threads 1 and 0.
 * Thread 0 consumes X at 5,008,810 ns and holds ring 1's advance lock until 5,008,910, its scan
 * stopping at H; thread 1 consumes H at 5,008,825 and loses the try-lock. Nothing of ring 1 is
 * consumed afterwards; the blocker's kernels end at about 10 ms. (Instants since main's pending
 * slots: the gate's consumers are pre-loaded into busy cores, 1,040 ns earlier than before.)
 */
class Issue1545LostAdvanceTest {
  private static final long HEAD = TaskIds.of(1, 0);
  private static final long NEXT = TaskIds.of(1, 1);
  private static final int WINDOW = 64;

  private static RunConfig.Builder race(String policy, PlatformProfile platform, int window) {
    return RunConfig.builder(Workloads.byName("lost-advance").program(WorkloadParams.defaults().withWindow(window)))
        .policy(policy).platform(platform).window(window);
  }

  private static RunConfig.Builder race(String policy) {
    return race(policy, PlatformProfiles.a2a3(), WINDOW);
  }

  @Test
  void lostAdvanceLeavesAConsumedHeadAndTheOrchestratorBlockedForever() {
    TracedRun run = TracedRun.of(race("patient").fault(Fault.LOST_ADVANCE).build());

    assertThat(run.report().outcome()).isEqualTo(Outcome.QUIESCENT_BLOCKED);
    assertThat(run.report().tasksCompleted()).isEqualTo(run.report().tasks() - 1);
    assertThat(run.report().virtualTimeNs()).isEqualTo(10_006_100);
    var snapshot = run.finalSnapshot();
    assertThat(snapshot.orchestrator()).isEqualTo(new OrchestratorState.Blocked(WaitResource.TASK_RING, 1));
    assertThat(snapshot.ring(1).orElseThrow().lastAlive()).isEqualTo(HEAD);
    assertThat(snapshot.ring(1).orElseThrow().liveCount()).isEqualTo(WINDOW - 1);
    assertThat(run.task(HEAD).state()).isEqualTo(TaskState.CONSUMED);
    assertThat(run.trace().events(TraceEvent.Consumed.class)).filteredOn(c -> c.task() == NEXT)
        .containsExactly(new TraceEvent.Consumed(5_008_810, NEXT, 0));
    assertThat(run.trace().events(TraceEvent.Consumed.class)).filteredOn(c -> c.task() == HEAD)
        .containsExactly(new TraceEvent.Consumed(5_008_825, HEAD, 1));
    assertThat(run.trace().events(TraceEvent.RingAdvance.class)).noneMatch(a -> a.ring() == 1);
  }

  /**
   * main (6ebaf77) drains the pending bit on a scheduler iteration without progress, not at the lock's
   * release: thread 1 lost the try-lock at 5,008,825 and set ring 1's bit; the first thread free to
   * spin (thread 2, one idle loop of 115 ns later, after the holder's lock expired at 5,008,910)
   * drains it and advances.
   */
  @Test
  void withoutTheFaultThePendingBitIsDrainedByTheNextIdleIteration() {
    TracedRun run = TracedRun.of(race("patient").invariantMonitor(true).build());

    assertThat(run.report().outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(run.report().tasksCompleted()).isEqualTo(run.report().tasks());
    assertThat(run.trace().events(TraceEvent.RingAdvance.class)).filteredOn(a -> a.ring() == 1).first()
        .isEqualTo(new TraceEvent.RingAdvance(5_008_940, 1, 0, WINDOW - 1, 2));
  }

  @Test
  void checkerCallsItALostWakeup() {
    TracedRun run = TracedRun.of(race("checker").fault(Fault.LOST_ADVANCE).build());

    assertThat(run.report().outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(run.report().exitCode()).isEqualTo(3);
    assertThat(run.report().finding().orElseThrow().verdict()).isEqualTo("LOST_WAKEUP");
    assertThat(run.report().message()).startsWith("ptosim checker: LOST_WAKEUP on ring 1");
    // At the stall the gate still runs: progress. Nothing moves ring 1 until quiescence.
    assertThat(run.trace().events(TraceEvent.StallVerdict.class)).extracting(TraceEvent.StallVerdict::verdict)
        .containsExactly("UNRETIRED_PROGRESS", "LOST_WAKEUP");
    assertThat(run.report().virtualTimeNs()).isEqualTo(10_006_100);
  }

  @Test
  void monitorNamesTheConsumedHeadAtQuiescence() {
    assertThatThrownBy(() -> TracedRun.of(race("patient").fault(Fault.LOST_ADVANCE).invariantMonitor(true).build()))
        .isInstanceOfSatisfying(InvariantViolation.class, v -> {
          assertThat(v.task()).isEqualTo(HEAD);
          assertThat(v.rule()).contains("lost advance");
        })
        .hasMessageContaining("'quiescence'");
  }

  /** The workload reproduces the race with upstream's default window on both built-in profiles. */
  @ParameterizedTest
  @ValueSource(strings = {PlatformProfiles.A2A3, PlatformProfiles.A2A3SIM_FASTSPIN})
  void theDefaultWindowReproducesItOnEveryProfile(String platform) {
    PlatformProfile profile = PlatformProfiles.byName(platform);
    int window = WorkloadParams.DEFAULT_WINDOW;

    TracedRun patient = TracedRun.of(race("patient", profile, window).fault(Fault.LOST_ADVANCE).build());
    assertThat(patient.report().outcome()).isEqualTo(Outcome.QUIESCENT_BLOCKED);
    assertThat(patient.finalSnapshot().ring(1).orElseThrow().lastAlive()).isEqualTo(HEAD);
    assertThat(patient.task(HEAD).state()).isEqualTo(TaskState.CONSUMED);

    TracedRun checker = TracedRun.of(race("checker", profile, window).fault(Fault.LOST_ADVANCE).build());
    assertThat(checker.report().outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(checker.report().finding().orElseThrow().verdict()).isEqualTo("LOST_WAKEUP");

    TracedRun correct = TracedRun.of(race("patient", profile, window).build());
    assertThat(correct.report().outcome()).isEqualTo(Outcome.COMPLETED);
  }
}
