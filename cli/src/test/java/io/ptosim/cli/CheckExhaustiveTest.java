package io.ptosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ptosim check --exhaustive}: the answer, the schedule or dead end, the refusals. */
class CheckExhaustiveTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HEAD = "task=0 state=3 fanin=1/1 fanout=1/2 active_mask=1 done=1/1 block_num=1 next_block=1";

  @TempDir Path tmp;

  private Path file(String... lines) throws Exception {
    Path f = tmp.resolve("snapshot-" + lines.length + "-" + lines[lines.length - 1].hashCode() + ".txt");
    Files.writeString(f, String.join("\n", lines) + "\n");
    return f;
  }

  @Test
  void printsTheShortestScheduleThatRetiresTheHead() throws Exception {
    Path f = file(HEAD, "task=1 state=2 fanin=2/2 fanout=1/1 active_mask=1 done=0/1 block_num=1 next_block=1", "edge=0->1");

    Cli c = Cli.run("check", "--exhaustive", f.toString());

    assertThat(c.exit()).isZero();
    assertThat(c.out()).isEqualTo("exhaustive search (bound 14 live tasks) on ring 0 head task 0:\n"
        + "answer:   retired in every fair future\n"
        + "expected: UNRETIRED_PROGRESS; checker: UNRETIRED_PROGRESS (agree)\n"
        + "shortest schedule (2 steps):\n"
        + "  1. task 1 block 0 done (1/1)\n"
        + "  2. task 1 completes\n"
        + "states:   6 explored\n");
  }

  @Test
  void aDeadlockGivesTheDeadEndAsJson() throws Exception {
    Path f = file("scope=1 mode=MANUAL state=open",
        "task=0 state=3 fanin=1/1 fanout=0/1 active_mask=1 done=1/1 block_num=1 next_block=1 scope=1", "edge=none");

    Cli c = Cli.run("check", "--exhaustive", "--json", f.toString());

    assertThat(c.exit()).isZero();
    JsonNode o = JSON.readTree(c.out());
    assertThat(o.get("retirement").asText()).isEqualTo("NO_FUTURE");
    assertThat(o.get("expectedVerdict").asText()).isEqualTo("REAL_DEADLOCK");
    assertThat(o.get("checkerVerdict").asText()).isEqualTo("REAL_DEADLOCK");
    assertThat(o.get("agree").asBoolean()).isTrue();
    assertThat(o.get("deadEnd").toString()).contains("scope 1 open");
    assertThat(o.get("statesExplored").asLong()).isEqualTo(2);
  }

  @Test
  void refusesAboveTheBoundInOneLineNamingIt() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      lines.add("task=" + i + " state=1 fanin=1/1 fanout=1/1 active_mask=1 done=0/1 block_num=1 next_block=1");
    }
    lines.add("edge=none");
    Path f = file(lines.toArray(String[]::new));

    Cli c = Cli.run("check", "--exhaustive", f.toString());
    Cli j = Cli.run("check", "--exhaustive", "--json", f.toString());

    assertThat(c.exit()).isEqualTo(2);
    assertThat(c.err()).isEqualTo("ptosim: " + f + ": outside the exhaustive oracle: the snapshot has 15 live tasks,"
        + " above the exhaustive search's bound of 14\n");
    assertThat(j.exit()).isEqualTo(2);
    assertThat(JSON.readTree(j.out()).get("error").asText()).contains("bound of 14");
  }

  @Test
  void benchRejectsANonPositiveSnapshotCount() {
    Cli c = Cli.run("bench", "exhaustive", "--snapshots", "0");

    assertThat(c.exit()).isEqualTo(2);
    assertThat(c.err()).isEqualTo("ptosim: --snapshots must be at least 1: 0\n");
  }
}
