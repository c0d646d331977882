package io.ptosim.scheduler.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ptosim.analysis.upstream.ReferenceCorpus;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The readers against every artifact of the reference corpus, and their one-line errors on bad input. */
class UpstreamReadersTest {

  private static Path corpus() {
    Optional<Path> runs = ReferenceCorpus.forTest(ReferenceCorpus.upstreamRuns());
    Assumptions.assumeTrue(runs.isPresent(), ReferenceCorpus.MISSING);
    return runs.get();
  }

  private static Path artifact(Path run, String name) {
    Path plain = run.resolve(name);
    return Files.exists(plain) ? plain : run.resolve(name + ".gz");
  }

  @Test
  void everyRecordedRunIsReadWithTheTaskCountOfItsMeta() throws Exception {
    Path runs = corpus();
    ObjectMapper mapper = new ObjectMapper();
    int read = 0;
    for (Path run : ReferenceCorpus.runDirectories(runs)) {
      Path deps = artifact(run, "deps.json");
      if (!Files.exists(deps)) {
        continue;
      }
      JsonNode meta = mapper.readTree(run.resolve("meta.json").toFile());
      DepsGraph g = DepsJson.read(deps);
      assertEquals(meta.get("tasks").asInt(), g.tasks().size(), run + ": tasks");
      SwimlaneRecords s = SwimlaneJson.read(artifact(run, "chip_swimlane_records.json"));
      assertEquals(50_000_000L, s.metadata().clockFreqHz(), run + ": clock");
      assertEquals(4, s.level(), run + ": level");
      ScopeStats stats = ScopeStatsJsonl.read(artifact(run, "scope_stats.jsonl"));
      assertEquals(4, stats.header().taskWindowMax().size(), run + ": rings");
      assertTrue(stats.events().size() >= 2, run + ": the outer scope's begin and end");
      read++;
    }
    assertEquals(54, read, "runs with artifacts");
  }

  @Test
  void theSmallAutoGraphIsReadFieldByField() throws Exception {
    DepsGraph g = DepsJson.read(corpus().resolve("pa-CaseSmall1-default/deps.json"));
    DepsTask qk = g.tasks().get(0);
    assertEquals(2L << 32, qk.taskId());
    assertEquals("auto", qk.scope());
    assertEquals(java.util.List.of(0, -1, -1), qk.kernelIds());
    assertEquals(1, qk.activeMask());
    assertEquals(DepsArg.OUTPUT, qk.args().get(2).type());
    assertTrue(qk.args().get(2).slice().isEmpty());
    assertEquals(java.util.List.of(16L, 16L), qk.args().get(0).slice().get().shape());
    DepsEdge first = g.edges().get(0);
    assertEquals(DepsEdge.Source.CREATOR, first.source());
    assertEquals((2L << 32) | 1, first.succ());
    assertEquals(23, g.edges().size());
  }

  @Test
  void theGzippedCase1GraphIsRead() throws Exception {
    DepsGraph g = DepsJson.read(corpus().resolve("pa-Case1-dep32768/deps.json.gz"));
    assertEquals(65536, g.tasks().size());
  }

  private static String error(String text) {
    InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    return assertThrows(UpstreamFormatException.class, () -> DepsJson.read(in)).getMessage();
  }

  private static final String TASK =
      "{\"task_id\":\"0\",\"scope\":\"auto\",\"early_dispatch\":false,\"kernel_ids\":[0,-1,-1],\"block_num\":1,\"args\":[]}";

  @Test
  void badDepsJsonNamesTheField() {
    assertEquals("deps.json: /tasks/0/block_num: expected a 32-bit integer",
        error("{\"tasks\":[" + TASK.replace("\"block_num\":1", "\"block_num\":\"x\"") + "],\"tensors\":[],\"edges\":[]}"));
    assertEquals("deps.json: /tasks/1/task_id: task 0 appears twice",
        error("{\"tasks\":[" + TASK + "," + TASK + "],\"tensors\":[],\"edges\":[]}"));
    assertEquals("deps.json: /tasks/0/kernel_ids: expected three kernel ids [aic, aiv0, aiv1], got 2",
        error("{\"tasks\":[" + TASK.replace("[0,-1,-1]", "[0,-1]") + "],\"tensors\":[],\"edges\":[]}"));
    assertEquals("deps.json: /tasks/0/scope: expected \"auto\" or \"manual\": 'both'",
        error("{\"tasks\":[" + TASK.replace("\"auto\"", "\"both\"") + "],\"tensors\":[],\"edges\":[]}"));
    assertEquals("deps.json: /edges/0/succ: task 7 is not in tasks",
        error("{\"tasks\":[" + TASK + "],\"tensors\":[],\"edges\":[{\"pred\":\"0\",\"succ\":\"7\",\"arg\":-1,\"source\":\"explicit\",\"flags\":[]}]}"));
    assertEquals("deps.json: /edges/0/source: expected explicit, creator or tensormap",
        error("{\"tasks\":[" + TASK + "],\"tensors\":[],\"edges\":[{\"pred\":\"0\",\"succ\":\"0\",\"arg\":-1,\"source\":\"guess\",\"flags\":[]}]}"));
    assertEquals("deps.json: /edges: missing", error("{\"tasks\":[],\"tensors\":[]}"));
    assertEquals("deps.json: /tasks/0/task_id: not an unsigned 64-bit integer: '-1'",
        error("{\"tasks\":[" + TASK.replace("\"task_id\":\"0\"", "\"task_id\":\"-1\"") + "],\"tensors\":[],\"edges\":[]}"));
    assertTrue(error("{\"tasks\":[").startsWith("deps.json: line 1 column "), "syntax errors name line and column");
  }

  @Test
  void badSwimlaneAndScopeStatsNameTheField() {
    String swim = "{\"chip_swimlane_level\":4,\"metadata\":{\"clock_freq_hz\":50000000,\"num_cores\":1,\"core_types\":[\"aic\"],"
        + "\"core_to_thread\":[0]},\"aicore_tasks\":[[0,1,2,3,4]],\"aicpu_tasks\":[],\"aicpu_scheduler_phases\":[],\"aicpu_orchestrator_phases\":[]}";
    String m = assertThrows(UpstreamFormatException.class,
        () -> SwimlaneJson.read(new ByteArrayInputStream(swim.getBytes(StandardCharsets.UTF_8)))).getMessage();
    assertEquals("chip_swimlane_records.json: /aicore_tasks/0: expected 6 values "
        + "[core_id, task_id_raw, reg_task_id, start_cycles, end_cycles, receive_to_start_cycles], got 5", m);
    String stats = "{\"version\": 6, \"fatal\": false, \"dropped\": 0, \"total\": 1, \"task_window_max\": [4], \"heap_max\": [4],"
        + " \"dep_pool_max\": [4], \"tensormap_max\": 4}\n{\"site\": \"x\", \"phase\": \"middle\"}\n";
    String s = assertThrows(UpstreamFormatException.class,
        () -> ScopeStatsJsonl.read(new ByteArrayInputStream(stats.getBytes(StandardCharsets.UTF_8)))).getMessage();
    assertEquals("scope_stats.jsonl: line 2: /phase: expected \"begin\" or \"end\": 'middle'", s);
  }
}
