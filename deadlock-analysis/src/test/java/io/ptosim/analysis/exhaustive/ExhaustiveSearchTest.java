package io.ptosim.analysis.exhaustive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ptosim.analysis.Fixtures;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.verdict.VerdictKind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The exhaustive search's answers, schedules and dead ends on hand-made snapshots. */
class ExhaustiveSearchTest {
  private static final String HEAD = "task=0 state=3 fanin=1/1 fanout=1/2 active_mask=1 done=1/1 block_num=1 next_block=1";
  private static final String READY_CONSUMER =
      "task=1 state=1 fanin=2/2 fanout=1/1 active_mask=1 done=0/2 block_num=2 next_block=0";

  private static List<String> texts(List<Step> steps) {
    return steps.stream().map(Step::text).collect(Collectors.toList());
  }

  @Test
  void aReadyConsumerRetiresTheHeadInEveryFairFutureWithAShortestSchedule() {
    ExhaustiveSearch search = new ExhaustiveSearch(Fixtures.snapshot(HEAD, READY_CONSUMER, "edge=0->1"));

    assertThat(search.retirement()).isEqualTo(Retirement.EVERY_FAIR_FUTURE);
    assertThat(search.expectedVerdict()).contains(VerdictKind.UNRETIRED_PROGRESS);
    assertThat(search.scheduleIsShortest()).isTrue();
    assertThat(texts(search.schedule())).containsExactly(
        "dispatch task 1 block 0/2", "dispatch task 1 block 1/2", "task 1 block 0 done (1/2)",
        "task 1 block 1 done (2/2)", "task 1 completes");
    assertThat(search.deadEndSchedule()).isEmpty();
    assertThat(search.head()).hasValue(0);
  }

  @Test
  void aHeadInTheBlockedOrchestratorsOpenScopeIsRetiredInNoFutureNotEvenByTheRules() {
    ExhaustiveSearch search = new ExhaustiveSearch(Fixtures.snapshot(
        "scope=1 mode=MANUAL state=open", HEAD.replace("fanout=1/2", "fanout=0/2") + " scope=1",
        READY_CONSUMER, "edge=0->1"));

    assertThat(search.retirement()).isEqualTo(Retirement.NO_FUTURE);
    assertThat(search.rulesAllowRetirement()).isFalse();
    assertThat(search.expectedVerdict()).contains(VerdictKind.REAL_DEADLOCK);
    assertThat(search.schedule()).isEmpty();
    assertThat(texts(search.deadEndSchedule().orElseThrow())).hasSize(5).last().isEqualTo("task 1 completes");
    assertThat(search.deadEnd()).containsExactly(
        "orchestrator blocked", "scope 1 open",
        "task 0 COMPLETED fanin missing 0, fanout missing 1, blocks 1/1 done");
  }

  @Test
  void aLostReadyTransitionIsAllowedByTheRulesButEnabledOnlyByAPendingEventNamingTheTask() {
    String lost = "task=1 state=0 fanin=2/2 fanout=1/1 active_mask=1 done=0/1 block_num=1 next_block=0";
    ExhaustiveSearch nothing = new ExhaustiveSearch(Fixtures.snapshot(HEAD, lost, "edge=0->1", "pending=complete at_ns=5 task=0"));
    ExhaustiveSearch named = new ExhaustiveSearch(Fixtures.snapshot(HEAD, lost, "edge=0->1", "pending=ready at_ns=5 task=1"));

    assertThat(nothing.retirement()).isEqualTo(Retirement.NO_FUTURE);
    assertThat(nothing.rulesAllowRetirement()).isTrue();
    assertThat(nothing.expectedVerdict()).contains(VerdictKind.LOST_WAKEUP);
    assertThat(texts(nothing.rulesSchedule())).first()
        .isEqualTo("task 1 becomes READY (fanin complete, transition due)");
    assertThat(named.retirement()).isEqualTo(Retirement.EVERY_FAIR_FUTURE);
    assertThat(texts(named.schedule())).containsExactly(
        "task 1 becomes READY (fanin complete, transition due)", "dispatch task 1 block 0/1",
        "task 1 block 0 done (1/1)", "task 1 completes");
  }

  /** #2260: a finished, uncompleted task of a simulation snapshot completes only by a pending event naming it. */
  @Test
  void aFinishedTasksCompletionIsADueTransitionOfASimulationSnapshot() {
    String finished = "task=1 state=2 fanin=2/2 fanout=1/1 active_mask=2 done=1/1 block_num=1 next_block=1";
    ExhaustiveSearch lost = new ExhaustiveSearch(Fixtures.snapshot(HEAD, finished, "edge=0->1", "pending=dispatch at_ns=5"));
    ExhaustiveSearch named = new ExhaustiveSearch(Fixtures.snapshot(HEAD, finished, "edge=0->1", "pending=complete at_ns=5 task=1"));
    ExhaustiveSearch device = new ExhaustiveSearch(Fixtures.snapshot(HEAD, finished, "edge=0->1"));

    assertThat(lost.retirement()).isEqualTo(Retirement.NO_FUTURE);
    assertThat(lost.rulesAllowRetirement()).isTrue();
    assertThat(lost.expectedVerdict()).contains(VerdictKind.LOST_WAKEUP);
    assertThat(named.retirement()).isEqualTo(Retirement.EVERY_FAIR_FUTURE);
    assertThat(texts(named.schedule())).containsExactly("task 1 completes");
    assertThat(device.retirement()).isEqualTo(Retirement.EVERY_FAIR_FUTURE);
  }

  @Test
  void aSimulationWithNothingPendingRunsNoSchedulerTransition() {
    ExhaustiveSearch search = new ExhaustiveSearch(Fixtures.snapshot(HEAD, READY_CONSUMER, "edge=0->1", "pending=none"));

    assertThat(search.retirement()).isEqualTo(Retirement.NO_FUTURE);
    assertThat(search.expectedVerdict()).contains(VerdictKind.LOST_WAKEUP);
    assertThat(search.deadEnd()).first().asString().contains("nothing pending");
  }

  @Test
  void aConsumedHeadWhoseLaterTasksWaitForAnOpenScopeIsALostAdvanceNotADeadlock() {
    Snapshot snapshot = Fixtures.snapshot(
        "ring=0 last_alive=0 current=2", "scope=1 mode=AUTO state=open",
        "task=0 state=4 fanin=1/1 fanout=1/1 active_mask=1 done=1/1 block_num=1 next_block=1",
        "task=1 state=3 fanin=1/1 fanout=0/1 active_mask=1 done=1/1 block_num=1 next_block=1 scope=1",
        "edge=none");
    ExhaustiveSearch search = new ExhaustiveSearch(snapshot);
    ExhaustiveSearch advanced = new ExhaustiveSearch(Fixtures.snapshot(
        "ring=0 last_alive=0 current=2", "scope=1 mode=AUTO state=open",
        "task=0 state=4 fanin=1/1 fanout=1/1 active_mask=1 done=1/1 block_num=1 next_block=1",
        "task=1 state=3 fanin=1/1 fanout=0/1 active_mask=1 done=1/1 block_num=1 next_block=1 scope=1",
        "edge=none", "pending=advance at_ns=3 task=1"));

    assertThat(search.expectedVerdict()).contains(VerdictKind.LOST_WAKEUP);
    assertThat(texts(search.rulesSchedule())).containsExactly("ring 0 last_alive advances past CONSUMED task 0");
    assertThat(new OracleComparison(snapshot, ExhaustiveSearch.Options.defaults()).outcome())
        .isEqualTo(OracleComparison.Outcome.AGREE);
    assertThat(advanced.retirement()).isEqualTo(Retirement.EVERY_FAIR_FUTURE);
  }

  @Test
  void refusesAboveTheBoundAndWithoutEdgesWithOneLine() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      lines.add("task=" + i + " state=1 fanin=1/1 fanout=1/1 active_mask=1 done=0/1 block_num=1 next_block=0");
    }
    lines.add("edge=none");

    assertThatThrownBy(() -> new ExhaustiveSearch(Fixtures.snapshot(lines.toArray(String[]::new))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the snapshot has 15 live tasks, above the exhaustive search's bound of 14");
    assertThat(new ExhaustiveSearch(Fixtures.snapshot(lines.toArray(String[]::new)),
        new ExhaustiveSearch.Options(15, 0)).retirement()).isEqualTo(Retirement.EVERY_FAIR_FUTURE);
    assertThatThrownBy(() -> new ExhaustiveSearch(Fixtures.snapshot(HEAD, READY_CONSUMER)))
        .hasMessageContaining("needs the dependency edges");
  }

  @Test
  void theReductionExpandsOneLocalTransitionAndKeepsTheAnswer() {
    List<String> lines = new ArrayList<>();
    lines.add("task=0 state=3 fanin=1/1 fanout=1/5 active_mask=1 done=1/1 block_num=1 next_block=1");
    for (int i = 1; i <= 4; i++) {
      lines.add("task=" + i + " state=1 fanin=2/2 fanout=1/1 active_mask=1 done=0/3 block_num=3 next_block=0");
      lines.add("edge=0->" + i);
    }
    TransitionSystem system = new TransitionSystem(Fixtures.snapshot(lines.toArray(String[]::new)), 14);
    StateSearch reduced = new StateSearch(system, Semantics.ENABLED, true, false, 1_000_000);
    StateSearch full = new StateSearch(system, Semantics.ENABLED, false, false, 1_000_000);

    assertThat(reduced.goalReached()).isTrue();
    assertThat(full.goalReached()).isTrue();
    assertThat(reduced.deadEndReached()).isFalse();
    assertThat(full.deadEndReached()).isFalse();
    // Each task has 10 block positions (7 before completing): 10^4 states unreduced, far fewer reduced.
    assertThat(full.states()).isGreaterThan(10 * reduced.states());
  }
}
