package io.ptosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11: first use and hostile input. Each test failed before its fix. */
class HostileInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TASK = "task=%s state=1 fanin=1/1 fanout=0/1 active_mask=2 done=0/1 block_num=%s next_block=0\n";

  @TempDir Path tmp;

  private Path file(String name, String text) throws Exception {
    Path f = tmp.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  private static void oneLineInputError(Cli c, String expected) {
    assertThat(c.exit()).as(c.err()).isEqualTo(2);
    assertThat(c.err()).isEqualTo("ptosim: " + expected + "\n");
  }

  private static String program(String kernel) {
    return "{\"format\":\"ptosim-program\",\"version\":1,\"name\":\"k\",\"ops\":["
        + "{\"op\":\"scope_begin\",\"mode\":\"AUTO\"},"
        + "{\"op\":\"submit\",\"task\":0,\"kernel\":\"" + kernel + "\",\"active_mask\":1,\"block_num\":1,\"args\":[]},"
        + "{\"op\":\"scope_end\"}]}";
  }

  // --- crashes

  @Test
  void aSnapshotTaskIdOf2To63Minus1IsAnInputError() throws Exception {
    Path f = file("s.txt", String.format(TASK, "9223372036854775807", "1"));
    oneLineInputError(Cli.run("check", f.toString()),
        f + ": line 1: bad token 'task=9223372036854775807': task id out of range (at most 9223372036854775806)");
  }

  @Test
  void hugeKernelAndCostOverridesAreRefusedBeforeTheRun() {
    oneLineInputError(Cli.run("run", "--demo", "--set", "kernel.qk=2305843009213693952"),
        "--set 'kernel.qk=2305843009213693952': kernel.qk must be 0..1000000000000 ns: 2305843009213693952");
    oneLineInputError(Cli.run("run", "--demo", "--set", "finishNoticeNs=4611686018427387904"),
        "--set 'finishNoticeNs=4611686018427387904': finishNoticeNs must be 0..1000000000000 ns: 4611686018427387904");
  }

  @Test
  void theLargestAllowedCostsRunToAnOutcome() {
    Cli c = Cli.run("run", "--demo", "--set", "kernel.qk=1000000000000", "--set", "finishNoticeNs=1000000000000",
        "--max-time-ns", "1000000000000000");
    assertThat(c.exit()).as(c.err()).isIn(0, 1);
  }

  @Test
  void outOfMemoryIsReportedAsSuchWithTheHint() throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m",
        "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), PtosimMain.class.getName(),
        "run", "--workload", "chain", "--n", "1000000", "--policy", "patient", "--stalls", "all", "--json"));
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(err).isEqualTo(3);
    assertThat(err).startsWith("ptosim: out of memory in 'run'").contains("PTOSIM_JAVA_OPTS=-Xmx").doesNotContain("\tat ");
    assertThat(err.lines().count()).isEqualTo(1);
  }

  @Test
  void anInternalErrorIsOneLineAskingForAReportAndTheTraceOnlyWithDebug() {
    StringWriter err = new StringWriter();
    int code = new Failures(false, false, new PrintWriter(new StringWriter()), new PrintWriter(err))
        .report(new IllegalStateException("boom\nsecond line"), "run");
    assertThat(code).isEqualTo(3);
    assertThat(err.toString()).isEqualTo("ptosim: internal error in 'run': java.lang.IllegalStateException: boom"
        + " -- this is a bug in ptosim, please report it with the command line (--debug prints the stack trace)\n");
    StringWriter debug = new StringWriter();
    new Failures(true, false, new PrintWriter(new StringWriter()), new PrintWriter(debug)).report(new IllegalStateException("boom"), "run");
    assertThat(debug.toString()).contains("\tat ");
  }

  @Test
  void debugIsAcceptedAnywhereOnTheLine() {
    assertThat(Cli.run("run", "--demo", "--debug").exit()).isZero();
    assertThat(Cli.run("--debug", "run", "--demo").exit()).isZero();
  }

  @Test
  void withJsonAnInputErrorIsAlsoOneJsonObjectOnStdout() throws Exception {
    Cli c = Cli.run("run", "--demo", "--json", "--max-events", "0");
    assertThat(c.exit()).isEqualTo(2);
    JsonNode o = JSON.readTree(c.out());
    assertThat(o.get("error").asText()).isEqualTo("--max-events: max events must be 1..1000000000000: 0");
    assertThat(o.get("exitStatus").asInt()).isEqualTo(2);
  }

  // --- silently accepted

  @Test
  void anUnknownKernelOverrideIsRefusedWithTheKnownNames() {
    oneLineInputError(Cli.run("run", "--demo", "--set", "kernel.nosuch=5"),
        "--set 'kernel.nosuch=5': unknown kernel 'nosuch' (known on a2a3: defer_wait, hub, long, mix, pv, qk, sf, short, up;"
            + " a new kernel must be one the program submits)");
  }

  @Test
  void anUnknownPlatformFieldListsTheFields() {
    Cli c = Cli.run("run", "--demo", "--set", "nosuchNs=5");
    assertThat(c.exit()).isEqualTo(2);
    assertThat(c.err()).startsWith("ptosim: --set 'nosuchNs=5': unknown platform field 'nosuchNs' (known: clusters,");
  }

  @Test
  void anUnknownKernelInAProgramIsRefusedAndAnOverrideDefinesIt() throws Exception {
    Path f = file("p.json", program("blocker"));
    Cli c = Cli.run("run", "--program", f.toString());
    oneLineInputError(c, f + ": op 1: unknown kernel 'blocker' (known on a2a3: defer_wait, hub, long, mix, pv, qk, sf, short, up;"
        + " define one with kernel.blocker=NS)");
    assertThat(Cli.run("run", "--program", f.toString(), "--set", "kernel.blocker=5000").exit()).isZero();
  }

  @Test
  void aProgramWhoseKernelRegistersCompletionConditionsIsRefusedUnderPr482() throws Exception {
    Path f = file("async.json", "{\"format\":\"ptosim-program\",\"version\":1,\"name\":\"a\",\"ops\":["
        + "{\"op\":\"submit\",\"task\":0,\"kernel\":\"short\",\"active_mask\":2,\"block_num\":1,\"args\":[],"
        + "\"completion_conditions\":65}]}");
    oneLineInputError(Cli.run("run", "--program", f.toString(), "--runtime", "pr482"), f + ": op 0: (submit"
        + " completion_conditions 65) runtime pr482 (01d0723) has no deferred completion (no register_completion_condition,"
        + " no async wait list): a kernel registering completion conditions does not build there");
    Cli main = Cli.run("run", "--program", f.toString(), "--runtime", "main-6ebaf77", "--platform", "a2a3sim");
    assertThat(main.exit()).as(main.err()).isEqualTo(1);
    assertThat(main.out()).contains("ASYNC_WAIT_OVERFLOW: task 0 block 0 on AIV0: its kernel registered 65 completion"
        + " conditions, past the 64 its deferred slab holds");
  }

  @Test
  void snapshotsRefuseBlockNumZeroEdgeNoneBesideEdgesAndPendingOfNoTask() throws Exception {
    Path zero = file("z.txt", String.format(TASK, "1", "0"));
    oneLineInputError(Cli.run("check", zero.toString()), zero + ": line 1: bad token 'block_num=0': a task has at least one block");
    Path none = file("n.txt", String.format(TASK, "1", "1") + String.format(TASK, "2", "1") + "edge=1->2\nedge=none\n");
    oneLineInputError(Cli.run("check", none.toString()), none + ": line 4: bad token 'edge=none': edge=none beside edges (first on line 3)");
    Path pending = file("p.txt", String.format(TASK, "1", "1") + "pending=complete at_ns=5 task=9\n");
    oneLineInputError(Cli.run("check", pending.toString()),
        pending + ": line 2: bad token 'task=9': the pending event names no task of the snapshot");
  }

  // --- inconsistent

  @Test
  void aByteOrderMarkIsDroppedByEveryReader() throws Exception {
    Path p = file("bom.json", "\uFEFF" + program("qk"));
    assertThat(Cli.run("run", "--program", p.toString()).exit()).isZero();
    Path s = file("bom.txt", "\uFEFF" + Files.readString(Path.of("../examples/seed-495.txt")));
    assertThat(Cli.run("check", s.toString()).exit()).isZero();
  }

  @Test
  void binaryInputIsReportedTheSameByRunAndCheck() throws Exception {
    Path bin = tmp.resolve("bin.dat");
    Files.write(bin, new byte[] {'{', (byte) 0xC3, '(', '}'});
    oneLineInputError(Cli.run("check", bin.toString()), bin + ": not UTF-8 text (bad byte at offset 1)");
    oneLineInputError(Cli.run("run", "--program", bin.toString()), bin + ": not UTF-8 text (bad byte at offset 1)");
    Files.write(bin, new byte[] {'{', 0, '}'});
    oneLineInputError(Cli.run("check", bin.toString()), bin + ": binary data, not text (NUL byte at offset 1)");
    oneLineInputError(Cli.run("run", "--program", bin.toString()), bin + ": binary data, not text (NUL byte at offset 1)");
  }

  @Test
  void anUnreadableFileSaysWhy() throws Exception {
    oneLineInputError(Cli.run("check", tmp.resolve("gone.txt").toString()), "cannot read " + tmp.resolve("gone.txt") + ": no such file");
    oneLineInputError(Cli.run("run", "--program", tmp.toString()), "cannot read " + tmp + ": is a directory");
    Path locked = file("locked.txt", "x");
    Assumptions.assumeTrue(locked.toFile().setReadable(false) && !Files.isReadable(locked), "running as root: every file is readable");
    oneLineInputError(Cli.run("check", locked.toString()), "cannot read " + locked + ": permission denied");
  }

  @Test
  void maxTimeZeroIsRefusedLikeMaxEventsZero() {
    oneLineInputError(Cli.run("run", "--demo", "--max-time-ns", "0"), "--max-time-ns: max time must be 1..1000000000000000 ns: 0");
    oneLineInputError(Cli.run("run", "--demo", "--max-events", "0"), "--max-events: max events must be 1..1000000000000: 0");
  }

  // --- output

  @Test
  void runJsonSeparatesTheDeviceErrorCodeFromTheExitStatus() throws Exception {
    Cli c = Cli.run("run", "--workload", "scope-overflow", "--ring-window", "8", "--policy", "checker", "--json");
    assertThat(c.exit()).isEqualTo(1);
    JsonNode o = JSON.readTree(c.out());
    assertThat(o.get("errorCode").asInt()).isEqualTo(3);
    assertThat(o.get("exitStatus").asInt()).isEqualTo(1);
    assertThat(o.has("exitCode")).isFalse();
  }

  @Test
  void stallsAreSummarisedByDefaultAndListedWithStallsAll() throws Exception {
    String[] args = {"run", "--workload", "chain", "--n", "2000", "--ring-window", "8", "--policy", "patient", "--json"};
    JsonNode summary = JSON.readTree(Cli.run(args).out()).get("stalls");
    long count = summary.get("count").asLong();
    assertThat(count).isGreaterThan(2 * StallSummary.EDGE);
    assertThat(summary.get("first").size()).isEqualTo(StallSummary.EDGE);
    assertThat(summary.get("last").size()).isEqualTo(StallSummary.EDGE);
    assertThat(summary.has("list")).isFalse();
    assertThat(summary.get("byVerdict").properties().stream().mapToLong(e -> e.getValue().asLong()).sum()).isEqualTo(count);
    assertThat(summary.get("longest").get("durationNs").asLong()).isPositive();
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--stalls", "all"));
    assertThat(JSON.readTree(Cli.run(all.toArray(new String[0])).out()).get("stalls").get("list").size()).isEqualTo((int) count);
    oneLineInputError(Cli.run("run", "--demo", "--stalls", "some"), "--stalls 'some': expected summary or all");
  }

  @Test
  void wallIsSplitIntoJvmStartUpAndTheRun() throws Exception {
    JsonNode perf = JSON.readTree(Cli.run("run", "--demo", "--json").out()).get("perf");
    assertThat(perf.has("jvmStartMs")).isTrue();
    assertThat(perf.has("runWallMs")).isTrue();
    assertThat(perf.has("wallTimeMs")).isFalse();
    assertThat(Cli.run("run", "--demo").out()).containsPattern("wall: +run [0-9.]+ s \\([0-9]+ events/s\\), JVM start-up [0-9.]+ s");
  }

  @Test
  void theStallSliceOfADeadlockedRunIsVisibleInTheChromeTrace() throws Exception {
    Path trace = tmp.resolve("t.json");
    assertThat(Cli.run("run", "--workload", "scope-overflow", "--ring-window", "8", "--policy", "checker", "--trace", trace.toString())
        .exit()).isEqualTo(1);
    JsonNode stall = null;
    for (JsonNode e : JSON.readTree(trace.toFile()).get("traceEvents")) {
      if (e.get("name").asText().startsWith("alloc stall")) {
        stall = e;
      }
    }
    assertThat(stall).isNotNull();
    assertThat(stall.get("dur").asDouble()).isPositive();
  }

  @Test
  void helpTextsSayWhatTheyDo() {
    assertThat(Cli.run("--help").out()).contains("Measure ptosim's own costs and robustness: kernel, checker,")
        .doesNotContain("WHAT is one of");
    assertThat(Cli.run("reproduce", "--help").out().replaceAll("\\s+", " ")).contains("an array of those objects for 'all'");
    String run = Cli.run("run", "--help").out();
    assertThat(run).contains("--set=KEY=VALUE").doesNotContain("KEY=NS");
  }
}
