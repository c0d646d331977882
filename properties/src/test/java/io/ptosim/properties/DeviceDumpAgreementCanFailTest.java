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
 * REAL_DEADLOCK contradicting the snapshot, and the property's assertion rejects it.
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
