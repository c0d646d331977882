package io.ptosim.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.TaskState;
import io.ptosim.analysis.snapshot.WaitResource;
import io.ptosim.des.event.TraceEvent;
import io.ptosim.scheduler.fault.Fault;
import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.runtime.InvariantViolation;
import io.ptosim.scheduler.runtime.TaskIds;
import io.ptosim.scheduler.runtime.TestPrograms;
import org.junit.jupiter.api.Test;

/**
 * Upstream #1545 on {@link TestPrograms#advanceRace()}: thread 0 consumes the ring-2 task after the
 * head at 14,935 ns and holds the advance lock until 15,035; thread 1 consumes the head at 14,985
 * and loses the try-lock. Nothing of ring 2 is consumed afterwards.
 */
class Issue1545LostAdvanceTest {
  private static final long HEAD = TaskIds.of(2, 0);

  private static RunConfig.Builder race(String policy) {
    return RunConfig.builder(TestPrograms.advanceRace()).policy(policy).platform(TestPrograms.raceProfile())
        .rings(TestPrograms.raceRings());
  }

  @Test
  void lostAdvanceLeavesAConsumedHeadAndTheOrchestratorBlockedForever() {
    TracedRun run = TracedRun.of(race("patient").fault(Fault.LOST_ADVANCE).build());

    assertThat(run.report().outcome()).isEqualTo(Outcome.QUIESCENT_BLOCKED);
    assertThat(run.report().tasksCompleted()).isEqualTo(11);
    assertThat(run.report().virtualTimeNs()).isEqualTo(54_695);
    var snapshot = run.finalSnapshot();
    assertThat(snapshot.orchestrator()).isEqualTo(new OrchestratorState.Blocked(WaitResource.TASK_RING, 2));
    assertThat(snapshot.ring(2).orElseThrow().lastAlive()).isEqualTo(HEAD);
    assertThat(run.task(HEAD).state()).isEqualTo(TaskState.CONSUMED);
    assertThat(run.trace().events(TraceEvent.Consumed.class)).filteredOn(c -> c.task() == HEAD)
        .singleElement().satisfies(c -> {
          assertThat(c.atNs()).isEqualTo(14_985);
          assertThat(c.thread()).isEqualTo(1);
        });
    assertThat(run.trace().events(TraceEvent.RingAdvance.class)).noneMatch(a -> a.ring() == 2);
  }

  @Test
  void withoutTheFaultThePendingBitRetriesWhenTheLockIsReleased() {
    TracedRun run = TracedRun.of(race("patient").invariantMonitor(true).build());

    assertThat(run.report().outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(run.report().tasksCompleted()).isEqualTo(12);
    assertThat(run.trace().events(TraceEvent.RingAdvance.class)).filteredOn(a -> a.ring() == 2).first()
        .isEqualTo(new TraceEvent.RingAdvance(15_035, 2, 0, 3, 1));
  }

  @Test
  void checkerCallsItALostWakeup() {
    TracedRun run = TracedRun.of(race("checker").fault(Fault.LOST_ADVANCE).build());

    assertThat(run.report().outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(run.report().finding().orElseThrow().verdict()).isEqualTo("LOST_WAKEUP");
    assertThat(run.report().message()).startsWith("ptosim checker: LOST_WAKEUP on ring 2");
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
}
