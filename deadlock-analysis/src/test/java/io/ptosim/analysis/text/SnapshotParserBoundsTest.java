package io.ptosim.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ptosim.analysis.StallChecker;
import org.junit.jupiter.api.Test;

/** Hostile snapshots (issue 11): every one ends in a one-line input error naming line and token. */
class SnapshotParserBoundsTest {
  private static String task(String id, String blockNum) {
    return "task=" + id + " state=1 fanin=1/1 fanout=0/1 active_mask=2 done=0/1 block_num=" + blockNum + " next_block=0";
  }

  @Test
  void theLargestLongAsTaskIdIsRefusedNotACrash() {
    assertThatThrownBy(() -> SnapshotParser.parse(task("9223372036854775807", "1")))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessage("line 1: bad token 'task=9223372036854775807': task id out of range (at most 9223372036854775806)");
  }

  @Test
  void theLargestAllowedIdStillChecks() throws Exception {
    ParsedSnapshot parsed = SnapshotParser.parse(task("9223372036854775806", "1"));
    assertThat(new StallChecker(parsed.snapshot()).verdict()).isNotNull();
  }

  @Test
  void anEdgeEndOfTheLargestLongIsRefused() {
    assertThatThrownBy(() -> SnapshotParser.parse(task("1", "1") + "\nedge=9223372036854775807->1"))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessageStartingWith("line 2: bad token 'edge=9223372036854775807->1': task id out of range");
  }

  @Test
  void blockNumZeroIsRefused() {
    assertThatThrownBy(() -> SnapshotParser.parse(task("1", "0")))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessage("line 1: bad token 'block_num=0': a task has at least one block");
  }

  @Test
  void edgeNoneBesideEdgesIsRefusedEitherWay() {
    String tasks = task("1", "1") + "\n" + task("2", "1") + "\n";
    assertThatThrownBy(() -> SnapshotParser.parse(tasks + "edge=1->2\nedge=none"))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessage("line 4: bad token 'edge=none': edge=none beside edges (first on line 3)");
    assertThatThrownBy(() -> SnapshotParser.parse(tasks + "edge=none\nedge=1->2"))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessage("line 4: bad token 'edge=1->2': an edge beside edge=none (on line 3)");
  }

  @Test
  void aPendingEventNamingAnUnknownTaskIsRefused() {
    assertThatThrownBy(() -> SnapshotParser.parse(task("1", "1") + "\npending=complete at_ns=5 task=7"))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessage("line 2: bad token 'task=7': the pending event names no task of the snapshot");
  }

  @Test
  void aPendingEventNamingAKnownTaskIsRead() throws Exception {
    assertThat(SnapshotParser.parse("pending=complete at_ns=5 task=1\n" + task("1", "1")).snapshot().pending().orElseThrow())
        .hasSize(1);
  }
}
