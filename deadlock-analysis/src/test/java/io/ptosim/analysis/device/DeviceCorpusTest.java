package io.ptosim.analysis.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.analysis.upstream.ReferenceCorpus;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.VerdictKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every log of the reference corpus is read and decided. Expected verdicts come from reading each
 * log (and INDEX.tsv's outcome for the completed runs), not from this reader's output.
 */
class DeviceCorpusTest {

  private record Expect(VerdictKind kind, boolean certain, String phrase) {}

  private static Expect real(String phrase) {
    return new Expect(VerdictKind.REAL_DEADLOCK, true, phrase);
  }

  private static Expect assumed(String phrase) {
    return new Expect(VerdictKind.UNRETIRED_PROGRESS, false, phrase);
  }

  private static Expect notAStall(String phrase) {
    return new Expect(VerdictKind.NO_STALL, true, phrase);
  }

  /** The runs that did not complete, as their logs show them. */
  private static final Map<String, Expect> FAILED = new HashMap<>();

  static {
    // FATAL: Scope Deadlock Detected! — the scope owns window-1 tasks (error code 1).
    for (String run : List.of("pa-CaseSmall2-w4", "pa-manual-CaseSmall1-w8", "pa-manual-CaseSmall2-w4",
        "pa-manual-CaseSmall2-w8", "pa-manual-CaseSmall2-w16", "pa-manual-CaseVarSeq2-w8", "pa-manual-CaseVarSeq4-w8",
        "pa-manual-CaseVarSeq4-w16", "alt-Case1-w4", "alt-Case1-w8", "alt-Case1-w16", "fatal-scope-deadlock")) {
      FAILED.put(run, real("The scope at depth"));
    }
    // Heap Exhausted with a request larger than the whole heap: 3072 > 1024 / 2048, 32768 > 1024.
    FAILED.put("pa-CaseSmall2-heap1024", real("3072 bytes and its whole heap is 1024 bytes"));
    FAILED.put("pa-CaseSmall2-heap2048", real("3072 bytes and its whole heap is 2048 bytes"));
    FAILED.put("fatal-heap-ring-deadlock", real("32768 bytes and its whole heap is 1024 bytes"));
    // Provable head-of-line deadlocks: head COMPLETED, scope_released=0, blocked orchestrator.
    FAILED.put("pa-CaseSmall2-heap4096", real("scope_released=0"));
    FAILED.put("pa-CaseSmall2-dep4", real("scope_released=0"));
    FAILED.put("fatal-flow-control-deadlock", real("scope_released=0"));
    // Dep-pool backstop: head COMPLETED, scope released, consumers to go, tasks in flight.
    FAILED.put("pa-CaseSmall2-dep8", assumed("1 of 1 consumers still to finish, while 5 tasks"));
    FAILED.put("pa-CaseSmall2-dep16", assumed("1 of 1 consumers still to finish, while 5 tasks"));
    FAILED.put("pa-CaseSmall2-dep32", assumed("1 of 1 consumers still to finish, while 5 tasks"));
    FAILED.put("pa-Case1-default", assumed("2 of 2 consumers still to finish, while 13130 tasks"));
    FAILED.put("pa-Case1-default-rerun", assumed("2 of 2 consumers still to finish, while 13119 tasks"));
    // Fanin spill pool backstop: the block prints no head, only 129 tasks in flight.
    FAILED.put("fatal-dep-pool-overflow", assumed("129 tasks in flight"));
    // Fatal errors that are not stalls.
    FAILED.put("fatal-invalid-args", notAStall("INVALID_ARGS"));
    FAILED.put("fatal-require-sync-start-invalid", notAStall("REQUIRE_SYNC_START_INVALID"));
    FAILED.put("fatal-async-completion-invalid", notAStall("ASYNC_COMPLETION_INVALID"));
    FAILED.put("fatal-async-wait-overflow", notAStall("ASYNC_WAIT_OVERFLOW"));
    FAILED.put("fatal-explicit-fatal", notAStall("EXPLICIT_ORCH_FATAL"));
    // NOT_RUN: the runtime never started.
    FAILED.put("fatal-aicore-hang", notAStall("neither a stall, a fatal error nor a completion line"));
    FAILED.put("fatal-tensor-wait-timeout", notAStall("neither a stall, a fatal error nor a completion line"));
  }

  @Test
  void everyUpstreamRunIsReadAndDecidedAsItsLogShows() throws Exception {
    Optional<Path> corpus = ReferenceCorpus.forTest(ReferenceCorpus.upstreamRuns());
    Assumptions.assumeTrue(corpus.isPresent(), ReferenceCorpus.MISSING);
    Map<String, String> outcomes = new HashMap<>();
    for (String row : Files.readAllLines(corpus.get().resolve("INDEX.tsv")).subList(1, 86)) {
      String[] f = row.split("\t");
      outcomes.put(f[0], f[4]);
    }
    int completed = 0;
    int checked = 0;
    for (Path run : ReferenceCorpus.runDirectories(corpus.get())) {
      String name = run.getFileName().toString();
      DeviceLog log = new DeviceLogReader(Optional.empty()).read(run.resolve("log.txt"));
      Verdict v = DeviceDecision.decide(log);
      assertThat(log.dialect().name()).as(name).isEqualTo("main");
      Expect e = FAILED.get(name);
      if (e == null) {
        assertThat(outcomes.get(name)).as(name + " is neither listed as failed nor COMPLETED").isEqualTo("COMPLETED");
        e = notAStall("the run completed");
        completed++;
      }
      assertThat(v.kind()).as(name + ": " + v.reason()).isEqualTo(e.kind());
      assertThat(v.certain()).as(name + ": " + v.reason()).isEqualTo(e.certain());
      assertThat(v.reason()).as(name).contains(e.phrase());
      checked++;
    }
    assertThat(checked).isEqualTo(85);
    assertThat(completed).isEqualTo(85 - FAILED.size());
  }

  @Test
  void everySeedEraRunIsReadAsThePr482Dialect() throws Exception {
    Optional<Path> corpus = ReferenceCorpus.forTest(ReferenceCorpus.seedEraRuns());
    Assumptions.assumeTrue(corpus.isPresent(), ReferenceCorpus.MISSING);
    List<Path> logs;
    try (Stream<Path> s = Files.list(corpus.get())) {
      logs = s.filter(p -> p.toString().endsWith(".log")).sorted().toList();
    }
    assertThat(logs).hasSize(19);
    for (Path file : logs) {
      String name = file.getFileName().toString();
      DeviceLog log = new DeviceLogReader(Optional.empty()).read(file);
      Verdict v = DeviceDecision.decide(log);
      assertThat(log.dialect().name()).as(name).isEqualTo("pr482");
      if (name.equals("01d07_pm_st_MidB16C8192_win256.log")) {
        // The README's genuine scope deadlock: 255 tasks in a scope, window 256.
        assertThat(v.kind()).as(name).isEqualTo(VerdictKind.REAL_DEADLOCK);
        assertThat(v.certain()).isTrue();
        assertThat(v.reason()).contains("owns 255 live tasks of ring 2");
      } else if (name.contains("autox86_st_MidB16C8192_win") && !name.contains("win4096")) {
        // SIGSEGV in the TensorMap cleanup with no FATAL printed: the log just ends.
        assertThat(v.kind()).as(name).isEqualTo(VerdictKind.NO_STALL);
        assertThat(v.reason()).as(name).contains("neither a stall, a fatal error nor a completion line");
      } else {
        assertThat(v.kind()).as(name).isEqualTo(VerdictKind.NO_STALL);
        assertThat(v.reason()).as(name).contains("the run completed");
      }
    }
  }
}
