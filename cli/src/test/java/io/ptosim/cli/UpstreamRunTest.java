package io.ptosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.analysis.upstream.ReferenceCorpus;
import io.ptosim.scheduler.upstream.DepsGraph;
import io.ptosim.scheduler.upstream.DepsJson;
import io.ptosim.scheduler.upstream.ScopeStatsJsonl;
import io.ptosim.scheduler.upstream.SwimlaneJson;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --program deps.json} and the three exports, end to end through the CLI. */
class UpstreamRunTest {
  @TempDir Path tmp;

  private static Path corpus() {
    Optional<Path> runs = ReferenceCorpus.forTest(ReferenceCorpus.upstreamRuns());
    Assumptions.assumeTrue(runs.isPresent(), ReferenceCorpus.MISSING);
    return runs.get();
  }

  @Test
  void aRecordedGraphRunsAndIsWrittenBackWithTheSameGraph() throws Exception {
    Path deps = corpus().resolve("pa-manual-CaseSmall2-default/deps.json");
    Path out = tmp.resolve("deps.json");
    Path swim = tmp.resolve("swim.json");
    Path stats = tmp.resolve("stats.jsonl");
    Cli c = Cli.run("run", "--program", deps.toString(), "--platform", "a2a3sim",
        "--deps-out", out.toString(), "--swimlane-out", swim.toString(), "--scope-stats-out", stats.toString());
    assertThat(c.exit()).as(c.err()).isZero();
    assertThat(c.out()).contains("COMPLETED", "33 in the program, 33 completed");
    DepsGraph recorded = DepsJson.read(deps);
    DepsGraph written = DepsJson.read(out);
    assertThat(written.tasks()).extracting(t -> t.taskId() + " " + t.scope() + " " + t.kernelIds() + " " + t.blockNum())
        .containsExactlyElementsOf(recorded.tasks().stream().map(t -> t.taskId() + " " + t.scope() + " " + t.kernelIds() + " " + t.blockNum()).toList());
    assertThat(written.edges()).extracting(e -> e.pred() + ">" + e.succ() + " " + e.source())
        .containsExactlyInAnyOrderElementsOf(recorded.edges().stream().map(e -> e.pred() + ">" + e.succ() + " " + e.source()).toList());
    assertThat(SwimlaneJson.read(swim).aicoreTasks()).hasSize(32);
    assertThat(ScopeStatsJsonl.read(stats).events()).hasSize(2 + 2);
  }

  @Test
  void aGzippedCopyIsRecognisedByItsContentWhateverItsName() throws Exception {
    Path deps = corpus().resolve("pa-CaseSmall1-default/deps.json");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(Files.readAllBytes(deps));
    }
    Path renamed = tmp.resolve("graph.bin");
    Files.write(renamed, bytes.toByteArray());
    Cli c = Cli.run("run", "--program", renamed.toString(), "--json");
    assertThat(c.exit()).as(c.err()).isZero();
    assertThat(c.out()).contains("\"COMPLETED\"");
  }

  @Test
  void aBadDepsJsonIsOneLineNamingTheFieldAndExitTwo() throws Exception {
    Path f = tmp.resolve("deps.json");
    Files.writeString(f, "{\"tasks\":[{\"task_id\":\"0\",\"scope\":\"auto\",\"kernel_ids\":[0,-1,-1],\"block_num\":0,\"args\":[]}],"
        + "\"tensors\":[],\"edges\":[]}");
    Cli c = Cli.run("run", "--program", f.toString());
    assertThat(c.exit()).isEqualTo(2);
    assertThat(c.err()).isEqualTo("ptosim: " + f + ": deps.json: /tasks/0/block_num: block_num must be at least 1: 0\n");
  }
}
