package io.ptosim.analysis;

import static io.ptosim.analysis.Fixtures.assumptions;
import static io.ptosim.analysis.Fixtures.texts;
import static io.ptosim.analysis.Fixtures.vertices;
import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.analysis.graph.WaitVertex;
import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.RingRecord;
import io.ptosim.analysis.snapshot.TaskState;
import io.ptosim.analysis.snapshot.TraceKind;
import io.ptosim.analysis.snapshot.WaitResource;
import io.ptosim.analysis.text.ParsedSnapshot;
import io.ptosim.analysis.text.SnapshotParser;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.VerdictKind;
import org.junit.jupiter.api.Test;

/** The seed report (#495) as pasted: the allocator aborted while task 2 was READY. */
class SeedSnapshotTest {

  @Test
  void parsesThePastedPageVerbatim() throws Exception {
    ParsedSnapshot parsed = SnapshotParser.parse(Fixtures.seed());

    // 126 non-blank lines; 4 task lines and 8 trace lines are records, the rest is prose.
    assertThat(parsed.skippedLines()).isEqualTo(114);
    assertThat(parsed.snapshot().tasks())
        .extracting(t -> t.id() + ":" + t.state())
        .containsExactly("1:COMPLETED", "2:READY", "3:PENDING", "4:CONSUMED");
    assertThat(parsed.snapshot().evidence())
        .extracting(e -> (e.kind() == TraceKind.DISPATCH ? "dispatch " : "ready ") + e.task())
        .containsExactly(
            "dispatch 0", "dispatch 4", "ready 5", "dispatch 5", "ready 6", "ready 1", "dispatch 1", "ready 2");
    assertThat(parsed.snapshot().edges()).isEmpty();
    assertThat(parsed.snapshot().pending()).isEmpty();
    assertThat(parsed.snapshot().rings())
        .containsExactly(new RingRecord(0, RingRecord.DEFAULT_WINDOW, 1, 5));
    assertThat(parsed.snapshot().orchestrator())
        .isEqualTo(new OrchestratorState.Blocked(WaitResource.TASK_RING, 0));
    assertThat(parsed.snapshot().tasks().get(2).fanin().toString()).isEqualTo("2/3");
    assertThat(parsed.snapshot().tasks().get(1).state()).isEqualTo(TaskState.READY);
  }

  @Test
  void taskTwoIsProgressNotYetRetired() throws Exception {
    Verdict verdict = new StallChecker(SnapshotParser.parse(Fixtures.seed()).snapshot()).verdict();

    assertThat(verdict.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
    assertThat(verdict.certain()).isFalse();
    assertThat(verdict.reason())
        .isEqualTo("The stall clears if the system keeps running: ring 0 head task 1 is retired after"
            + " task 2 (READY) completes.");
    assertThat(texts(verdict)).containsExactly(
        "task 2 READY -> completes",
        "task 2 completes -> releases task 1 fanout (2/2)",
        "task 1 CONSUMED",
        "ring 0 last_alive advances 1 -> 2");
    WaitVertex head = new WaitVertex.RingHead(0, WaitResource.TASK_RING, 1);
    assertThat(vertices(verdict)).containsExactly(new WaitVertex.Task(2), head, head, head);
    // Counters only: that task 2 is task 1's missing consumer is an assumption.
    assertThat(assumptions(verdict)).containsExactly(
        "task 1 (fanout 1/2): unreleased consumer assumed to be task 2,"
            + " the nearest unfinished later tasks of its ring");
  }
}
