package io.ptosim.analysis;

import static io.ptosim.analysis.Fixtures.check;
import static io.ptosim.analysis.Fixtures.texts;
import static io.ptosim.analysis.Fixtures.vertices;
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
 * The scope's capacity rule: the blocked submit's scope already owns window - 1 live tasks of its
 * ring (upstream's {@code check_scope_can_accept_task} fires there, code 1; fatal-scope-deadlock and
 * pa-CaseSmall2-w4 in the corpus). The snapshot is what {@code run --snapshot-out} writes at that
 * abort for {@code --workload paged-attention --mode auto --case CaseSmall2 --ring-window 4}, cut to
 * ring 1: every task of the scope either done or about to complete.
 */
class ScopeCapacityTest {
  private static final WaitVertex ORCHESTRATOR = new WaitVertex.Orchestrator();
  private static final long HEAD = 4294967296L;

  /** Ring 1, window 4, full with scope 1's three tasks; two of them complete soon. */
  private static final String[] FULL_SCOPE = {
    "ring=1 window=4 last_alive=4294967296 current=4294967299",
    "scope=0 mode=AUTO state=open ring=0 depth=0",
    "scope=1 mode=AUTO state=open ring=1 depth=1",
    "task=4294967296 state=3 fanin=1/1 fanout=0/1 active_mask=2 done=1/1 block_num=1 next_block=1 ring=1 scope=1",
    "task=4294967297 state=2 fanin=1/1 fanout=0/1 active_mask=2 done=0/1 block_num=1 next_block=1 ring=1 scope=1",
    "task=4294967298 state=2 fanin=1/1 fanout=0/1 active_mask=2 done=0/1 block_num=1 next_block=1 ring=1 scope=1",
    "edge=none",
    "pending=complete at_ns=6650 task=4294967297",
    "pending=block_done at_ns=7270 task=4294967298",
  };

  private static String[] with(String orchestrator, String... lines) {
    String[] all = new String[lines.length + 1];
    all[0] = orchestrator;
    System.arraycopy(lines, 0, all, 1, lines.length);
    return all;
  }

  @Test
  void aScopeThatOwnsTheWholeWindowIsACapacityDeadlock() {
    Verdict verdict = check(with("orchestrator=blocked waiting=task_ring ring=1 scope=1", FULL_SCOPE));

    assertThat(verdict.kind()).isEqualTo(VerdictKind.REAL_DEADLOCK);
    assertThat(verdict.reason()).isEqualTo(
        "Scope 1 owns 3 live tasks of ring 1, which holds at most 3 (window 4); none retires before scope_end,"
            + " and the blocked orchestrator must submit one more task in that scope first: no slot can ever free"
            + " (capacity). Raise PTO2_RING_TASK_WINDOW above 4 (to at least 8) or split the scope.");
    assertThat(vertices(verdict)).containsExactly(ORCHESTRATOR,
        new WaitVertex.RingHead(1, WaitResource.TASK_RING, HEAD), new WaitVertex.ScopeEnd(1), ORCHESTRATOR);
    assertThat(texts(verdict)).containsExactly(
        "orchestrator blocked on task_ring of ring 1 must submit task 4 of scope 1 before it can end that scope",
        "ring 1 holds at most 3 live tasks of its 4 slots, and scope 1 owns 3 of them, each keeping its scope"
            + " reference",
        "scope 1 end waits for the orchestrator: only it ends scopes, after this submit",
        "orchestrator: no slot of ring 1 can free, it cannot continue");
    assertThat(verdict.certain()).isTrue();
  }

  @Test
  void withoutTheSubmitsScopeTheGraphFindsTheSameDeadlockAsACycle() {
    Verdict verdict = check(with("orchestrator=blocked waiting=task_ring ring=1", FULL_SCOPE));

    assertThat(verdict.kind()).isEqualTo(VerdictKind.REAL_DEADLOCK);
    assertThat(verdict.reason()).isEqualTo("The blocked orchestrator waits for ring 1 head task 4294967296, which"
        + " waits for scope 1 end, which only the orchestrator can perform: a cycle of waits that no event can break.");
    assertThat(vertices(verdict)).containsExactly(ORCHESTRATOR,
        new WaitVertex.RingHead(1, WaitResource.TASK_RING, HEAD), new WaitVertex.ScopeEnd(1), ORCHESTRATOR);
  }

  @Test
  void theOldDumpOfThePreCheckCalledTheOrchestratorRunningAndSoSawProgress() {
    // What SnapshotDump wrote at #277's pre-check before the rule: nothing blocked, so nothing to retire.
    Verdict verdict = check(with("orchestrator=running", FULL_SCOPE));

    assertThat(verdict.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
  }

  @Test
  void aScopeShortOfTheWindowLeavesTheVerdictToTheWaitForGraph() {
    // Window 8: the scope's three tasks leave room once the closed scope's head completes and retires.
    Verdict verdict = check(
        "ring=1 window=8 last_alive=4294967295 current=4294967299",
        "orchestrator=blocked waiting=task_ring ring=1 scope=1",
        "scope=1 mode=AUTO state=open ring=1 depth=1",
        "scope=2 mode=AUTO state=closed ring=1 depth=1",
        "task=4294967295 state=2 fanin=1/1 fanout=1/1 active_mask=2 done=0/1 block_num=1 next_block=1 ring=1 scope=2",
        "task=4294967296 state=3 fanin=1/1 fanout=0/1 active_mask=2 done=1/1 block_num=1 next_block=1 ring=1 scope=1",
        "task=4294967297 state=3 fanin=1/1 fanout=0/1 active_mask=2 done=1/1 block_num=1 next_block=1 ring=1 scope=1",
        "task=4294967298 state=3 fanin=1/1 fanout=0/1 active_mask=2 done=1/1 block_num=1 next_block=1 ring=1 scope=1",
        "edge=none",
        "pending=complete at_ns=100 task=4294967295");

    assertThat(verdict.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
    assertThat(verdict.reason()).startsWith("The stall clears if the system keeps running: ring 1 head task 4294967295");
  }

  @Test
  void aScopeOneShortOfTheWindowLeavesRoomForTheClosedScopesHeadToRetire() {
    // The boundary: window 4 holds 3 live tasks; the open scope owns 2 (window - 2), a closed scope's
    // head the third. The head completes and retires, so a slot frees: not a capacity deadlock.
    Verdict verdict = check(
        "ring=1 window=4 last_alive=4294967295 current=4294967298",
        "orchestrator=blocked waiting=task_ring ring=1 scope=1",
        "scope=1 mode=AUTO state=open ring=1 depth=1",
        "scope=2 mode=AUTO state=closed ring=1 depth=1",
        "task=4294967295 state=2 fanin=1/1 fanout=1/1 active_mask=2 done=0/1 block_num=1 next_block=1 ring=1 scope=2",
        "task=4294967296 state=3 fanin=1/1 fanout=0/1 active_mask=2 done=1/1 block_num=1 next_block=1 ring=1 scope=1",
        "task=4294967297 state=3 fanin=1/1 fanout=0/1 active_mask=2 done=1/1 block_num=1 next_block=1 ring=1 scope=1",
        "edge=none",
        "pending=complete at_ns=100 task=4294967295");

    assertThat(verdict.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
    assertThat(verdict.reason()).doesNotContain("(capacity)");
  }

  @Test
  void aHeapWaitIsNotTheScopeRuleButStillTheCycle() {
    Verdict verdict = check(with("orchestrator=blocked waiting=heap ring=1 scope=1", FULL_SCOPE));

    assertThat(verdict.kind()).isEqualTo(VerdictKind.REAL_DEADLOCK);
    assertThat(verdict.reason()).isEqualTo("The blocked orchestrator waits for ring 1 heap head task 4294967296, which"
        + " waits for scope 1 end, which only the orchestrator can perform: a cycle of waits that no event can break.");
  }

  @Test
  void aBlockedSubmitInAClosedScopeOrAnotherRingsScopeIsImpossible() {
    String[] closed = FULL_SCOPE.clone();
    closed[2] = "scope=1 mode=AUTO state=closed ring=1 depth=1";
    Verdict inClosed = check(with("orchestrator=blocked waiting=task_ring ring=1 scope=1", closed));
    assertThat(inClosed.kind()).isEqualTo(VerdictKind.INVARIANT_VIOLATION);
    assertThat(((InvariantViolation) inClosed).violations()).extracting(Violation::rule)
        .contains(InvariantRule.SUBMIT_SCOPE_NOT_OPEN);
    assertThat(texts(inClosed)).contains("the blocked submit on ring 1 belongs to scope 1, which is closed, but a"
        + " blocked submit belongs to an open scope of the ring it allocates from");

    Verdict otherRing = check(with("orchestrator=blocked waiting=task_ring ring=1 scope=0", FULL_SCOPE));
    assertThat(otherRing.kind()).isEqualTo(VerdictKind.INVARIANT_VIOLATION);
    assertThat(((InvariantViolation) otherRing).violations()).extracting(Violation::rule)
        .containsExactly(InvariantRule.SUBMIT_SCOPE_NOT_OPEN);
    assertThat(texts(otherRing)).containsExactly(
        "the blocked submit on ring 1 belongs to scope 0, which is a scope of ring 0, but a blocked submit belongs"
            + " to an open scope of the ring it allocates from");
  }

  @Test
  void aBrokenInvariantIsStillReportedFirst() {
    // The head is CONSUMED but its scope is open: the capacity rule must not hide it.
    String[] broken = FULL_SCOPE.clone();
    broken[3] = "task=4294967296 state=4 fanin=1/1 fanout=1/1 active_mask=2 done=1/1 block_num=1 next_block=1"
        + " ring=1 scope=1";
    Verdict verdict = check(with("orchestrator=blocked waiting=task_ring ring=1 scope=1", broken));

    assertThat(verdict.kind()).isEqualTo(VerdictKind.INVARIANT_VIOLATION);
    assertThat(((InvariantViolation) verdict).violations()).extracting(Violation::rule)
        .contains(InvariantRule.SCOPE_REFERENCE_RELEASED);
  }
}
