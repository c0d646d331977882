package io.ptosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ptosim.analysis.upstream.ReferenceCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ptosim check} with deps.json, the swimlane and scope_stats: the state rebuilt and decided. */
class SideFilesCheckTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void aCompletedCorpusRunRebuildsToNoStall() throws Exception {
    Optional<Path> corpus = ReferenceCorpus.forTest(ReferenceCorpus.upstreamRuns());
    Assumptions.assumeTrue(corpus.isPresent(), ReferenceCorpus.MISSING);
    Cli c = Cli.run("check", corpus.get().resolve("pa-CaseSmall2-default").toString(), "--json");
    assertThat(c.exit()).as(c.err()).isZero();
    JsonNode v = JSON.readTree(c.out());
    assertThat(v.get("verdict").asText()).isEqualTo("NO_STALL");
    assertThat(v.get("rebuiltState").get("tasks").asInt()).isZero();
    assertThat(v.get("rebuiltState").get("derived").toString()).contains("32 submitted tasks", "10 scopes");
  }

  /** Runs a workload with every export, then checks the snapshot and the side files. */
  private JsonNode[] simulateAndCheck(String... run) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("run"));
    String[] exports = {"--snapshot-out", dir.resolve("snap.txt").toString(), "--deps-out", dir.resolve("deps.json").toString(),
        "--swimlane-out", dir.resolve("chip_swimlane_records.json").toString(),
        "--scope-stats-out", dir.resolve("scope_stats.jsonl").toString(), "--device-log-out", dir.resolve("log.txt").toString()};
    String[] args = new String[1 + run.length + exports.length];
    args[0] = "run";
    System.arraycopy(run, 0, args, 1, run.length);
    System.arraycopy(exports, 0, args, 1 + run.length, exports.length);
    Cli r = Cli.run(args);
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    Cli snapshot = Cli.run("check", dir.resolve("snap.txt").toString(), "--json");
    Cli folder = Cli.run("check", dir.toString(), "--json");
    assertThat(folder.exit()).as(folder.err()).isZero();
    Cli flags = Cli.run("check", dir.resolve("log.txt").toString(), "--deps", dir.resolve("deps.json").toString(),
        "--swimlane", dir.resolve("chip_swimlane_records.json").toString(), "--scope-stats",
        dir.resolve("scope_stats.jsonl").toString(), "--json");
    assertThat(JSON.readTree(flags.out()).get("rebuiltState")).isEqualTo(JSON.readTree(folder.out()).get("rebuiltState"));
    assertThat(JSON.readTree(flags.out()).get("verdict")).isEqualTo(JSON.readTree(folder.out()).get("verdict"));
    return new JsonNode[] {JSON.readTree(snapshot.out()), JSON.readTree(folder.out())};
  }

  @Test
  void aDeadlockTruncatedAtTheStallRebuildsToTheSimulationsVerdict() throws Exception {
    JsonNode[] v = simulateAndCheck("--workload", "scope-overflow", "--n", "20", "--ring-window", "16", "--policy", "patient");
    assertThat(v[0].get("verdict").asText()).isEqualTo("REAL_DEADLOCK");
    assertThat(v[1].get("verdict").asText()).isEqualTo(v[0].get("verdict").asText());
    assertThat(v[1].get("rebuiltState").get("tasks").asInt()).isEqualTo(15);
    assertThat(v[1].get("rebuiltState").get("derived").toString()).contains("15 live tasks fill the window of 16");
  }

  @Test
  void slowProgressTruncatedAtTheStallRebuildsToTheSimulationsVerdict() throws Exception {
    JsonNode[] v = simulateAndCheck("--workload", "slow-head", "--policy", "legacy", "--ring-window", "64");
    assertThat(v[0].get("verdict").asText()).isEqualTo("UNRETIRED_PROGRESS");
    assertThat(v[1].get("verdict").asText()).isEqualTo(v[0].get("verdict").asText());
    assertThat(v[1].get("rebuiltState").get("logVerdict").asText()).isEqualTo("UNRETIRED_PROGRESS");
    assertThat(v[1].get("rebuiltState").get("assumed").toString()).contains("no block was still running");
  }

  @Test
  void aBadSideFileIsOneLineNamingFileAndFieldExit2AndOneJsonError() throws Exception {
    Path log = Files.writeString(tmp.resolve("log.txt"), "x\n");
    Path deps = Files.writeString(tmp.resolve("deps.json"), "{\"tasks\": [{\"task_id\": \"zz\"}], \"tensors\": [], \"edges\": []}");
    Path sw = Files.writeString(tmp.resolve("sw.json"), "{}");
    Cli c = Cli.run("check", log.toString(), "--deps", deps.toString(), "--swimlane", sw.toString(), "--json");
    assertThat(c.exit()).isEqualTo(2);
    assertThat(c.err().strip().lines().count()).as(c.err()).isEqualTo(1);
    assertThat(c.err()).contains("deps.json", "/tasks/0");
    assertThat(JSON.readTree(c.out()).get("error").asText()).contains("deps.json");
    Cli alone = Cli.run("check", log.toString(), "--deps", deps.toString());
    assertThat(alone.exit()).isEqualTo(2);
    assertThat(alone.err()).contains("--deps and --swimlane go together");
  }
}
