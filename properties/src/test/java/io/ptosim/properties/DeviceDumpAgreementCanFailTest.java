package io.ptosim.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ptosim.analysis.StallChecker;
import io.ptosim.analysis.text.SnapshotParser;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.VerdictKind;
import org.junit.jupiter.api.Test;

/**
 * {@link DeviceDumpAgreementProperties} can fail: a mutant dump that claims the head's scope
 * reference is still held (scope_released=0) where the full state shows progress is a certain
 * REAL_DEADLOCK contradicting the snapshot, and the property's assertion rejects it; so is a scope
 * dump against the snapshot SnapshotDump wrote at the scope check before the scope-capacity rule
 * (the orchestrator "running").
 */
class DeviceDumpAgreementCanFailTest {
  private static final String SNAPSHOT = String.join("\n",
      "ring=1 window=4 last_alive=4294967296 current=4294967299",
      "orchestrator=blocked waiting=task_ring ring=1",
      "scope=1 mode=AUTO state=closed ring=1 depth=1",
      "task=4294967296 state=1 fanin=1/1 fanout=1/1 active_mask=2 done=0/1 block_num=1 next_block=0 ring=1 scope=1",
      "task=4294967297 state=4 fanin=1/1 fanout=1/1 active_mask=2 done=1/1 block_num=1 next_block=1 ring=1 scope=1",
      "task=4294967298 state=4 fanin=1/1 fanout=1/1 active_mask=2 done=1/1 block_num=1 next_block=1 ring=1 scope=1",
      "edge=none", "");

  private static String dump(int scopeReleased) {
    String f = "[ERROR] report_deadlock: ";
    return String.join("\n",
        f + "========================================",
        f + "FATAL: Task Allocator Deadlock - Task Ring Full! ring=1",
        f + "========================================",
        f + "No reclaim progress for ~500 ms (25000000 cycles wall clock).",
        f + "  Task ring 1: current=3, last_alive=0, active=3/4 (75.0%)",
        f + "  Heap ring 1: top=3072, tail=0, size=268435456, used=3072, available=268432384",
        f + "  Head task 0: state=0, consumers=0/0, scope_released=" + scopeReleased,
        f + "========================================", "");
  }

  /** main's scope check at window 4 (fatal-scope-deadlock): ring 1 full with scope 1's three tasks. */
  private static String scopeSnapshot(String orchestrator) {
    return String.join("\n",
        "ring=0 window=4 last_alive=0 current=0",
        "ring=1 window=4 last_alive=4294967296 current=4294967299",
        orchestrator,
        "scope=0 mode=AUTO state=open ring=0 depth=0",
        "scope=1 mode=AUTO state=open ring=1 depth=1",
        "task=4294967296 state=3 fanin=1/1 fanout=0/1 active_mask=2 done=1/1 block_num=1 next_block=1 ring=1 scope=1",
        "task=4294967297 state=3 fanin=1/1 fanout=0/1 active_mask=2 done=1/1 block_num=1 next_block=1 ring=1 scope=1",
        "task=4294967298 state=2 fanin=1/1 fanout=0/1 active_mask=2 done=0/1 block_num=1 next_block=1 ring=1 scope=1",
        "edge=none", "pending=complete at_ns=100 task=4294967298", "");
  }

  private static final String SCOPE_DUMP = String.join("\n",
      "[ERROR] check_scope_can_accept_task: FATAL: Scope Deadlock Detected! (ring 1)",
      "[ERROR] check_scope_can_accept_task: Tasks in current scope (3) >= task_window_size (4).",
      "[ERROR] check_scope_can_accept_task:   scope_depth:        2",
      "[ERROR] check_scope_can_accept_task:   ring_id:            1",
      "[ERROR] check_scope_can_accept_task:   scope_task_count:   3",
      "[ERROR] check_scope_can_accept_task:   active_tasks:       3 / 4", "");

  @Test
  void theScopeDumpAgreesWithTheSubmitsScopeAndFailsAgainstTheOldRunningOrchestrator() throws Exception {
    Verdict dump = DeviceDumpAgreementProperties.decide(SCOPE_DUMP);
    assertThat(dump.kind()).isEqualTo(VerdictKind.REAL_DEADLOCK);
    assertThat(dump.certain()).isTrue();
    Verdict now = new StallChecker(SnapshotParser.parse(
        scopeSnapshot("orchestrator=blocked waiting=task_ring ring=1 scope=1")).snapshot()).verdict();
    assertThat(now.kind()).isEqualTo(VerdictKind.REAL_DEADLOCK);
    DeviceDumpAgreementProperties.assertAgree(dump, now, SCOPE_DUMP);
    // What SnapshotDump wrote at the scope check before the rule: the property must reject it.
    Verdict before = new StallChecker(SnapshotParser.parse(scopeSnapshot("orchestrator=running")).snapshot()).verdict();
    assertThat(before.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
    assertThatThrownBy(() -> DeviceDumpAgreementProperties.assertAgree(dump, before, SCOPE_DUMP))
        .isInstanceOf(AssertionError.class).hasMessageContaining("a certain REAL_DEADLOCK");
  }

  @Test
  void theHonestDumpPassesAndTheMutantFails() throws Exception {
    Verdict full = new StallChecker(SnapshotParser.parse(SNAPSHOT).snapshot()).verdict();
    assertThat(full.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
    Verdict honest = DeviceDumpAgreementProperties.decide(dump(1));
    DeviceDumpAgreementProperties.assertAgree(honest, full, dump(1));
    Verdict mutant = DeviceDumpAgreementProperties.decide(dump(0));
    assertThat(mutant.kind()).isEqualTo(VerdictKind.REAL_DEADLOCK);
    assertThatThrownBy(() -> DeviceDumpAgreementProperties.assertAgree(mutant, full, dump(0)))
        .isInstanceOf(AssertionError.class).hasMessageContaining("a certain REAL_DEADLOCK");
  }
}
