package io.ptosim.analysis;

import static io.ptosim.analysis.Fixtures.PROGRESSING_TASKS;
import static io.ptosim.analysis.Fixtures.check;
import static io.ptosim.analysis.Fixtures.texts;
import static io.ptosim.analysis.Fixtures.vertices;
import static io.ptosim.analysis.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.analysis.graph.WaitVertex;
import io.ptosim.analysis.snapshot.WaitResource;
import io.ptosim.analysis.verdict.InvariantRule;
import io.ptosim.analysis.verdict.InvariantViolation;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.VerdictKind;
import io.ptosim.analysis.verdict.Violation;
import org.junit.jupiter.api.Test;

/**
 * The dependency pool's capacity rule: a pool that returns entries only once last_alive reaches a
 * point beyond current can never serve the blocked orchestrator (upstream pa-CaseSmall2-dep16: 33
 * tasks, reclaim interval 64, pool 16).
 */
class DepPoolCapacityTest {
  private static final WaitVertex ORCHESTRATOR = new WaitVertex.Orchestrator();


  @Test
  void aPoolThatCannotReclaimBeforeCurrentIsACapacityDeadlock() {
    Verdict verdict = check(with(
        "ring=0 window=16 last_alive=0 current=2 dep_pool=4/4 dep_reclaim_at=64",
        "orchestrator=blocked waiting=dep_pool ring=0 needed=2", PROGRESSING_TASKS));

    assertThat(verdict.kind()).isEqualTo(VerdictKind.REAL_DEADLOCK);
    assertThat(verdict.reason()).isEqualTo(
        "The blocked orchestrator needs 2 dependency entries of ring 0, which has 0 of 4 free and reclaims only"
            + " once last_alive reaches 64, beyond current 2: the pool can never get entries back (capacity).");
    assertThat(vertices(verdict)).containsExactly(
        ORCHESTRATOR, new WaitVertex.RingHead(0, WaitResource.DEP_POOL, 0), ORCHESTRATOR);
    assertThat(texts(verdict)).containsExactly(
        "orchestrator blocked on dep_pool of ring 0 needs 2 entries; 4/4 are taken (0 free)",
        "the pool returns entries only once last_alive reaches 64, but ring 0's current is 2 and only the blocked"
            + " orchestrator allocates",
        "orchestrator: no entry can come back, it cannot continue");
    assertThat(verdict.certain()).isTrue();
  }

  @Test
  void aReachableReclaimLeavesTheVerdictToTheWaitForGraph() {
    Verdict verdict = check(with(
        "ring=0 window=16 last_alive=0 current=2 dep_pool=4/4 dep_reclaim_at=1",
        "orchestrator=blocked waiting=dep_pool ring=0 needed=2", PROGRESSING_TASKS));

    assertThat(verdict.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
    assertThat(verdict.reason()).startsWith("The stall clears if the system keeps running: ring 0 head task 0");
  }

  @Test
  void enoughFreeEntriesIsNoCapacityDeadlock() {
    Verdict verdict = check(with(
        "ring=0 window=16 last_alive=0 current=2 dep_pool=1/4 dep_reclaim_at=64",
        "orchestrator=blocked waiting=dep_pool ring=0 needed=2", PROGRESSING_TASKS));

    assertThat(verdict.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
  }

  @Test
  void withoutThePoolRecordTheGraphDecides() {
    Verdict verdict = check(with(
        "ring=0 window=16 last_alive=0 current=2",
        "orchestrator=blocked waiting=dep_pool ring=0 needed=2", PROGRESSING_TASKS));

    assertThat(verdict.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
  }

  @Test
  void anEmptyRingIsALegalWaitOnlyForAPoolThatCannotReclaim() {
    Verdict stuck = check(
        "ring=0 window=16 last_alive=2 current=2 dep_pool=4/4 dep_reclaim_at=64",
        "orchestrator=blocked waiting=dep_pool ring=0 needed=2");
    assertThat(stuck.kind()).isEqualTo(VerdictKind.REAL_DEADLOCK);
    assertThat(vertices(stuck)).containsExactly(
        ORCHESTRATOR, new WaitVertex.RingHead(0, WaitResource.DEP_POOL, 2), ORCHESTRATOR);

    Verdict lost = check(
        "ring=0 window=16 last_alive=2 current=2 dep_pool=4/4 dep_reclaim_at=2",
        "orchestrator=blocked waiting=dep_pool ring=0 needed=2");
    assertThat(lost.kind()).isEqualTo(VerdictKind.INVARIANT_VIOLATION);
    assertThat(((InvariantViolation) lost).violations()).extracting(Violation::rule)
        .containsExactly(InvariantRule.EMPTY_RING_WAIT);
  }

  @Test
  void aBrokenInvariantIsStillReportedFirst() {
    // The head's fanout owes a release no listed consumer can give: the capacity rule must not hide it.
    Verdict verdict = check(
        "ring=0 window=16 last_alive=0 current=1 dep_pool=4/4 dep_reclaim_at=64",
        "orchestrator=blocked waiting=dep_pool ring=0 needed=2",
        "task=0 state=3 fanin=1/1 fanout=1/2 active_mask=1 done=1/1 block_num=1 next_block=1",
        "edge=none",
        "pending=none");

    assertThat(verdict.kind()).isEqualTo(VerdictKind.INVARIANT_VIOLATION);
    assertThat(((InvariantViolation) verdict).violations()).extracting(Violation::rule)
        .containsExactly(InvariantRule.FANOUT_DISAGREES_WITH_EDGES);
  }
}
