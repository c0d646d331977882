package io.ptosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ptosim.analysis.upstream.ReferenceCorpus;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ptosim check} on what real runs printed. */
class DeviceCheckTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FIXTURES = Path.of("../deadlock-analysis/src/test/resources/device");

  @TempDir Path tmp;

  /** Exactly one JSON object on stdout. */
  private static JsonNode onlyObject(String out) throws Exception {
    List<JsonNode> all = new ArrayList<>();
    try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(out)) {
      it.forEachRemaining(all::add);
    }
    assertThat(all).as(out).hasSize(1);
    assertThat(all.get(0).isObject()).isTrue();
    return all.get(0);
  }

  @Test
  void everyUpstreamRunFolderIsCheckedWithOneJsonObject() throws Exception {
    Optional<Path> corpus = ReferenceCorpus.forTest(ReferenceCorpus.upstreamRuns());
    Assumptions.assumeTrue(corpus.isPresent(), ReferenceCorpus.MISSING);
    int noStall = 0;
    for (Path run : ReferenceCorpus.runDirectories(corpus.get())) {
      Cli c = Cli.run("check", run.toString(), "--json");
      assertThat(c.exit()).as(run + ": " + c.err()).isIn(0, 1);
      JsonNode v = onlyObject(c.out());
      assertThat(v.get("dialect").asText()).isEqualTo("main");
      if (v.get("verdict").asText().equals("NO_STALL")) {
        noStall++;
      }
      if (Files.exists(run.resolve("deps.json"))) {
        assertThat(v.get("sideFiles").toString()).as(run.toString()).contains("deps.json");
      }
    }
    // INDEX.tsv: 54 COMPLETED, 5 fatals that are not stalls, 2 NOT_RUN.
    assertThat(noStall).isEqualTo(61);
  }

  /** #2260: the device log of main's S3 timeout (run --device-log-out) is a certain LOST_WAKEUP. */
  @Test
  void theS3DumpOfALostDeferredCompletionIsACertainLostWakeup() throws Exception {
    Path log = tmp.resolve("device.txt");
    Cli run = Cli.run("run", "--workload", "defer-wait", "--fault", "lost-deferred-completion", "--device-log-out",
        log.toString());
    assertThat(run.exit()).as(run.err()).isNotZero();
    assertThat(Files.readString(log)).contains("sub_class=S3:ready-but-all-idle");
    Cli c = Cli.run("check", log.toString(), "--json");
    JsonNode v = onlyObject(c.out());
    assertThat(v.get("verdict").asText()).isEqualTo("LOST_WAKEUP");
    assertThat(v.get("reason").asText()).startsWith("Task 1:1 (4294967297) is READY with its whole fanin (2/2) but every"
        + " core is idle").contains("deferred-completion task that already ran (#2260)");
  }

  @Test
  void textReportNamesTheDialectAndWhatToDoNext() {
    Cli c = Cli.run("check", FIXTURES.resolve("main-heap-capacity.log").toString());
    assertThat(c.exit()).as(c.err()).isZero();
    assertThat(c.out()).startsWith("verdict: REAL_DEADLOCK (certain)\n")
        .contains("raise PTO2_RING_HEAP above 1024 (to at least 3072)")
        .contains("dialect: main (line 3: the [mono_ns=…][T0x…] prefix is main's)")
        .contains("lines:   27 (7 records, 19 lines without a record skipped)");
  }

  @Test
  void standardInputAndForcedDialect() throws Exception {
    InputStream saved = System.in;
    try {
      System.setIn(Files.newInputStream(FIXTURES.resolve("main-dep-pool-backstop.log")));
      Cli c = Cli.run("check", "-", "--json", "--dialect", "pr482");
      assertThat(c.exit()).as(c.err()).isZero();
      JsonNode v = onlyObject(c.out());
      assertThat(v.get("dialectReason").asText()).isEqualTo("forced by --dialect pr482");
      assertThat(v.get("reason").asText()).contains("READY");
    } finally {
      System.setIn(saved);
    }
    Cli bad = Cli.run("check", FIXTURES.resolve("main-dep-pool-backstop.log").toString(), "--dialect", "v2", "--json");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).isEqualTo("ptosim: --dialect v2: unknown (known: main|pr482)\n");
    assertThat(onlyObject(bad.out()).get("error").asText()).isEqualTo("--dialect v2: unknown (known: main|pr482)");
  }

  @Test
  void badValueIsOneLineAndWithJsonOneErrorObject() throws Exception {
    Path f = tmp.resolve("bad.log");
    Files.writeString(f, "[ERROR] report_deadlock: FATAL: Task Allocator Deadlock - Heap Exhausted! ring=1\n"
        + "[ERROR] report_deadlock: [pto_ring_buffer.h:456]   Head task 0: state=5, consumers=0/0, scope_released=0\n");
    Cli c = Cli.run("check", f.toString(), "--json");
    assertThat(c.exit()).isEqualTo(2);
    String message = f + ": line 2: bad value 'state=5' in head task line: dialect main prints 0 PENDING, 1 COMPLETED, 2 CONSUMED";
    assertThat(c.err()).isEqualTo("ptosim: " + message + "\n");
    JsonNode e = onlyObject(c.out());
    assertThat(e.get("error").asText()).isEqualTo(message);
    assertThat(e.get("line").asInt()).isEqualTo(2);
    Cli seed = Cli.run("check", "--json", tmp.resolve("missing.txt").toString());
    assertThat(seed.exit()).isEqualTo(2);
    assertThat(onlyObject(seed.out()).get("line").asInt()).isZero();
  }

  @Test
  void aBadCommandLineWithJsonIsStillOneObject() throws Exception {
    Cli c = Cli.run("check", "--json", "--no-such-flag", "x.log");
    assertThat(c.exit()).isEqualTo(2);
    assertThat(c.err()).startsWith("ptosim: Unknown option: '--no-such-flag'");
    assertThat(onlyObject(c.out()).get("error").asText()).startsWith("Unknown option: '--no-such-flag'");
  }

  @Test
  void aSeedSnapshotLineInALogTakesTheSnapshotPath() throws Exception {
    Path f = tmp.resolve("seed-in-log.txt");
    Files.writeString(f, "[mono_ns=1][T0x1][INFO] x: [a.cpp:1] noise\n"
        + "task=1 state=3 fanin=2/2 fanout=1/2 active_mask=2 done=1/1 block_num=1 next_block=1\n"
        + "task=2 state=1 fanin=2/2 fanout=1/2 active_mask=1 done=0/1 block_num=1 next_block=0\n");
    Cli c = Cli.run("check", f.toString(), "--json");
    assertThat(c.exit()).as(c.err()).isZero();
    JsonNode v = onlyObject(c.out());
    assertThat(v.get("tasks").asInt()).isEqualTo(2);
    assertThat(v.get("verdict").asText()).isEqualTo("UNRETIRED_PROGRESS");
  }
}
