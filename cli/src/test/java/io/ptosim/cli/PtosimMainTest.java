package io.ptosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ptosim.des.trace.ChromeTraceValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PtosimMainTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SEED = Path.of("../examples/seed-495.txt");

  @TempDir Path tmp;

  @Test
  void helpListsTheCommands() {
    Cli c = Cli.run("--help");
    assertThat(c.exit()).isZero();
    assertThat(c.out()).contains("run", "check", "bench", "Exit status: 0 ok, 1 run not completed");
  }

  @Test
  void versionComesFromTheBuild() {
    Cli c = Cli.run("--version");
    assertThat(c.exit()).isZero();
    assertThat(c.out()).startsWith("ptosim ");
  }

  @Test
  void unknownFlagIsOneLineAndExitTwo() {
    Cli c = Cli.run("run", "--demo", "--warp");
    assertThat(c.exit()).isEqualTo(2);
    assertThat(c.err()).isEqualTo("ptosim: Unknown option: '--warp'\n");
  }

  @Test
  void unknownPolicyNamesTheFlagAndTheChoices() {
    Cli c = Cli.run("run", "--demo", "--policy", "optimistic");
    assertThat(c.exit()).isEqualTo(2);
    assertThat(c.err()).startsWith("ptosim: --policy: unknown stall policy 'optimistic'").doesNotContain("\tat ");
    assertThat(c.err().lines().count()).isEqualTo(1);
  }

  @Test
  void badProgramFileNamesTheOpAndExitsTwo() throws Exception {
    Path f = tmp.resolve("bad.json");
    Files.writeString(f, "{\"format\":\"ptosim-program\",\"version\":1,\"name\":\"x\",\"ops\":["
        + "{\"op\":\"scope_begin\",\"mode\":\"AUTO\"},"
        + "{\"op\":\"submit\",\"task\":0,\"kernel\":\"qk\",\"active_mask\":1,\"block_num\":1,\"args\":[]},"
        + "{\"op\":\"add_dependency\",\"producer\":0,\"consumer\":0},"
        + "{\"op\":\"scope_end\"}]}");
    Cli c = Cli.run("run", "--program", f.toString());
    assertThat(c.exit()).isEqualTo(2);
    assertThat(c.err()).startsWith("ptosim: " + f + ": op 2: ");
    assertThat(c.err().lines().count()).isEqualTo(1);
  }

  @Test
  void missingProgramFileIsAnInputError() {
    Cli c = Cli.run("run", "--program", tmp.resolve("nope.json").toString());
    assertThat(c.exit()).isEqualTo(2);
    assertThat(c.err()).isEqualTo("ptosim: cannot read " + tmp.resolve("nope.json") + ": no such file\n");
  }

  @Test
  void demoRunCompletesAndWritesAValidChromeTrace() throws Exception {
    Path trace = tmp.resolve("demo.json");
    Cli c = Cli.run("run", "--demo", "--trace", trace.toString());
    assertThat(c.exit()).as(c.err()).isZero();
    assertThat(c.out()).contains("outcome:    COMPLETED", "tasks:      21 in the program, 21 completed", "events/s");
    ChromeTraceValidator.Report report;
    try (var in = Files.newInputStream(trace)) {
      report = ChromeTraceValidator.validate(in);
    }
    assertThat(report.problems()).isEmpty();
    assertThat(report.slices()).isGreaterThan(21);
  }

  @Test
  void runJsonHasTheDocumentedFieldsAndIsDeterministic() throws Exception {
    JsonNode a = JSON.readTree(Cli.run("run", "--demo", "--json").out());
    JsonNode b = JSON.readTree(Cli.run("run", "--demo", "--json").out());
    for (String f : List.of("outcome", "message", "tasks", "events", "virtualTimeNs", "traceHash", "stalls")) {
      assertThat(a.has(f)).as(f).isTrue();
    }
    assertThat(a.get("outcome").asText()).isEqualTo("COMPLETED");
    assertThat(a.get("tasks").asLong()).isEqualTo(21);
    assertThat(a.get("traceHash").asText()).isEqualTo(b.get("traceHash").asText());
    assertThat(a.get("events").asLong()).isEqualTo(b.get("events").asLong());
  }

  @Test
  void checkTheSeedSaysUnretiredProgressNamingTask2() throws Exception {
    Cli c = Cli.run("check", SEED.toString(), "--json");
    assertThat(c.exit()).as(c.err()).isZero();
    JsonNode v = JSON.readTree(c.out());
    assertThat(v.get("verdict").asText()).isEqualTo("UNRETIRED_PROGRESS");
    assertThat(v.get("certain").asBoolean()).isFalse();
    assertThat(v.get("tasks").asInt()).isEqualTo(4);
    assertThat(v.get("witness").get(0).get("text").asText()).isEqualTo("task 2 READY -> completes");
  }

  @Test
  void checkWritesTheWitnessAsDot() throws Exception {
    Path dot = tmp.resolve("w.dot");
    Cli c = Cli.run("check", SEED.toString(), "--dot", dot.toString());
    assertThat(c.exit()).isZero();
    assertThat(Files.readString(dot)).startsWith("strict digraph G {").contains("task_2 [ label=\"task 2\"", "head_ring0 -> task_2");
  }

  @Test
  void badSnapshotNamesTheLineAndToken() throws Exception {
    Path f = tmp.resolve("bad.txt");
    Files.writeString(f, "# a stall\ntask=1 state=3 fanin=2/2 fanout=1/2 active_mask=2 done=1/1 block_num=1 next_block=1\ntask=2 state=9 fanin=2/2 fanout=1/2 active_mask=1 done=0/1 block_num=1 next_block=0\n");
    Cli c = Cli.run("check", f.toString());
    assertThat(c.exit()).isEqualTo(2);
    assertThat(c.err()).startsWith("ptosim: " + f + ": line 3: ").contains("state=9").doesNotContain("\tat ");
    assertThat(c.err().lines().count()).isEqualTo(1);
  }

  @Test
  void runDumpIsReadByCheck() throws Exception {
    Path snap = tmp.resolve("snap.txt");
    Cli run = Cli.run("run", "--workload", "scope-overflow", "--ring-window", "8", "--policy", "patient", "--snapshot-out", snap.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("QUIESCENT_BLOCKED");
    JsonNode v = JSON.readTree(Cli.run("check", snap.toString(), "--json").out());
    assertThat(v.get("verdict").asText()).isEqualTo("REAL_DEADLOCK");
    assertThat(v.get("certain").asBoolean()).isTrue();
  }

  @Test
  void checkReadsStandardInputAndWritesGraphJsonWithTheVerdict() throws Exception {
    java.io.InputStream saved = System.in;
    Path graph = tmp.resolve("g.json");
    try {
      System.setIn(Files.newInputStream(SEED));
      Cli c = Cli.run("check", "-", "--json", "--graph-json", graph.toString());
      assertThat(c.exit()).as(c.err()).isZero();
      assertThat(JSON.readTree(c.out()).get("verdict").asText()).isEqualTo("UNRETIRED_PROGRESS");
    } finally {
      System.setIn(saved);
    }
    JsonNode g = JSON.readTree(graph.toFile());
    assertThat(g.get("verdict").asText()).isEqualTo("UNRETIRED_PROGRESS");
    assertThat(g.get("graph").get("nodes").size()).isEqualTo(2);
  }

  @Test
  void seedAloneShufflesTiesReproducibly() throws Exception {
    JsonNode a = JSON.readTree(Cli.run("run", "--demo", "--json", "--seed", "7").out());
    JsonNode b = JSON.readTree(Cli.run("run", "--demo", "--json", "--seed", "7").out());
    JsonNode fifo = JSON.readTree(Cli.run("run", "--demo", "--json").out());
    assertThat(a.get("traceHash").asText()).isEqualTo(b.get("traceHash").asText());
    assertThat(a.get("outcome").asText()).isEqualTo("COMPLETED");
    assertThat(a.get("traceHash").asText()).isNotEqualTo(fifo.get("traceHash").asText());
    Cli bad = Cli.run("run", "--demo", "--tie-break", "fifo", "--seed", "3");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).isEqualTo("ptosim: --seed: has no effect with --tie-break fifo\n");
  }

  @Test
  void unwritableOutputIsAnInputError() {
    Cli c = Cli.run("run", "--demo", "--trace", "/nonexistent-dir/t.json");
    assertThat(c.exit()).isEqualTo(2);
    assertThat(c.err()).isEqualTo("ptosim: --trace /nonexistent-dir/t.json: cannot write (no such directory)\n");
  }

  @Test
  void checkRejectsBinaryEmptyAndDirectoryInput() throws Exception {
    Path bin = tmp.resolve("bin.dat");
    Files.write(bin, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3});
    Cli b = Cli.run("check", bin.toString());
    assertThat(b.exit()).isEqualTo(2);
    assertThat(b.err()).isEqualTo("ptosim: " + bin + ": binary data, not text (NUL byte at offset 2)\n");
    // A log without any record is read as a device log that shows no stall (issue 9: every log is read).
    Path empty = tmp.resolve("empty.txt");
    Files.writeString(empty, "# nothing here\n[1,2]\n");
    Cli e = Cli.run("check", empty.toString());
    assertThat(e.exit()).as(e.err()).isZero();
    assertThat(e.out()).startsWith("verdict: NO_STALL (certain)\n");
    Cli d = Cli.run("check", tmp.toString());
    assertThat(d.exit()).isEqualTo(2);
    assertThat(d.err()).isEqualTo("ptosim: " + tmp + ": a directory without log.txt (a run's output folder holds log.txt)\n");
  }

  @Test
  void caseAndModeBelongToPagedAttentionOnly() {
    Cli c = Cli.run("run", "--workload", "chain", "--case", "Case1");
    assertThat(c.exit()).isEqualTo(2);
    assertThat(c.err()).isEqualTo("ptosim: --case: only for --workload paged-attention\n");
  }

  @Test
  void outOfRangePlatformOverrideIsAnInputError() {
    Cli big = Cli.run("run", "--demo", "--set", "clusters=5000000000");
    assertThat(big.exit()).isEqualTo(2);
    assertThat(big.err()).startsWith("ptosim: --set 'clusters=5000000000': ").doesNotContain("\tat ");
    Cli many = Cli.run("run", "--demo", "--set", "clusters=99999999");
    assertThat(many.exit()).isEqualTo(2);
    assertThat(many.err()).isEqualTo("ptosim: --set 'clusters=99999999': clusters must be 1..1024: 99999999\n");
  }

  @Test
  void theRealModelGivesTheSameTraceHashInAnotherJvm() throws Exception {
    String[] args = {"run", "--workload", "paged-attention", "--case", "CaseVarSeq4", "--mode", "partial-manual",
        "--platform", "a2a3sim", "--ring-window", "32", "--policy", "checker", "--seed", "11", "--json"};
    JsonNode here = JSON.readTree(Cli.run(args).out());
    Subprocess other = Subprocess.ptosim(List.of(), args);
    assertThat(other.exit()).isIn(0, 1);
    JsonNode there = JSON.readTree(other.stdout());
    assertThat(there.get("traceHash").asText()).isEqualTo(here.get("traceHash").asText());
    assertThat(there.get("stalls")).isEqualTo(here.get("stalls"));
    assertThat(here.get("stalls").size()).isPositive();
  }
}
