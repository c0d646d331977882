package io.ptosim.analysis;

import static io.ptosim.analysis.Fixtures.PROGRESSING_TASKS;
import static io.ptosim.analysis.Fixtures.check;
import static io.ptosim.analysis.Fixtures.texts;
import static io.ptosim.analysis.Fixtures.vertices;
import static io.ptosim.analysis.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ptosim.analysis.graph.WaitVertex;
import io.ptosim.analysis.snapshot.FaninPoolRecord;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.snapshot.WaitResource;
import io.ptosim.analysis.text.SnapshotFormatException;
import io.ptosim.analysis.text.SnapshotParser;
import io.ptosim.analysis.text.SnapshotPrinter;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.VerdictKind;
import org.junit.jupiter.api.Test;

/**
 * The fanin spill pool's capacity rule: entries the blocked submit took for its own fanin come back
 * only after it retires, so a pool whose size less those is short of the need never serves it
 * (upstream fatal-dep-pool-overflow: pool 4, all 4 taken by the 128-producer consumer).
 */
class FaninPoolCapacityTest {
  private static final WaitVertex ORCHESTRATOR = new WaitVertex.Orchestrator();


  @Test
  void aPoolHeldWhollyByTheBlockedSubmitIsACapacityDeadlock() {
    Verdict verdict = check(with(
        "ring=0 window=16 last_alive=0 current=2 fanin_pool=4/4 fanin_held=4",
        "orchestrator=blocked waiting=fanin_pool ring=0 needed=1", PROGRESSING_TASKS));

    assertThat(verdict.kind()).isEqualTo(VerdictKind.REAL_DEADLOCK);
    assertThat(verdict.certain()).isTrue();
    assertThat(verdict.reason()).isEqualTo(
        "The blocked orchestrator needs 1 fanin spill entries of ring 0, whose pool of 4 already holds 4 of the"
            + " blocked submit's own edges, which come back only after it retires: the pool can never hold its"
            + " fanin (capacity).");
    assertThat(vertices(verdict)).containsExactly(
        ORCHESTRATOR, new WaitVertex.RingHead(0, WaitResource.FANIN_POOL, 0), ORCHESTRATOR);
    assertThat(texts(verdict)).containsExactly(
        "orchestrator blocked on fanin_pool of ring 0 needs 1 entries; 4/4 are taken, 4 of them by the blocked"
            + " submit itself",
        "a task's spill entries come back only once last_alive passes it; the blocked submit's 4 cannot, so at most"
            + " 0 can ever be free",
        "orchestrator: the pool can never hold the next fanin edge, it cannot continue");
  }

  @Test
  void entriesOfOlderTasksComeBackSoTheWaitForGraphDecides() {
    // 3 of the 4 taken belong to older tasks: their retirement frees them.
    Verdict verdict = check(with(
        "ring=0 window=16 last_alive=0 current=2 fanin_pool=4/4 fanin_held=1",
        "orchestrator=blocked waiting=fanin_pool ring=0 needed=1", PROGRESSING_TASKS));

    assertThat(verdict.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
    assertThat(verdict.reason()).startsWith("The stall clears if the system keeps running: ring 0 head task 0");
  }

  @Test
  void withoutThePoolRecordTheGraphDecides() {
    Verdict verdict = check(with(
        "ring=0 window=16 last_alive=0 current=2",
        "orchestrator=blocked waiting=fanin_pool ring=0 needed=1", PROGRESSING_TASKS));

    assertThat(verdict.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
  }

  @Test
  void theRecordRoundTripsAndItsHalvesGoTogether() throws Exception {
    Snapshot s = SnapshotParser.parse(String.join("\n", with(
        "ring=0 window=16 last_alive=0 current=2 fanin_pool=3/4 fanin_held=2",
        "orchestrator=blocked waiting=fanin_pool ring=0 needed=1", PROGRESSING_TASKS))).snapshot();
    assertThat(s.ring(0).orElseThrow().faninPool()).contains(new FaninPoolRecord(3, 4, 2));
    StringBuilder out = new StringBuilder();
    SnapshotPrinter.print(s, out);
    assertThat(out.toString()).contains("ring=0 window=16 last_alive=0 current=2 fanin_pool=3/4 fanin_held=2\n")
        .contains("orchestrator=blocked waiting=fanin_pool ring=0 needed=1\n");
    assertThat(SnapshotParser.parse(out.toString()).snapshot()).isEqualTo(s);

    assertThatThrownBy(() -> SnapshotParser.parse("ring=0 last_alive=0 current=0 fanin_pool=1/4"))
        .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("fanin_pool and fanin_held go together");
    assertThatThrownBy(() -> SnapshotParser.parse("ring=0 last_alive=0 current=0 fanin_pool=1/4 fanin_held=2"))
        .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("fanin_held exceeds the pool's used 1");
  }
}
