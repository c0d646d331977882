package io.ptosim.scheduler.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ptosim.analysis.upstream.ReferenceCorpus;
import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.run.RunReport;
import io.ptosim.scheduler.run.Simulation;
import io.ptosim.scheduler.workload.WorkloadParams;
import io.ptosim.scheduler.workload.Workloads;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three exports of a simulated run hold the structure of the real files in the corpus: the same
 * key sets per object kind, the same tuple lengths and the same JSON types per field (a test
 * compares shapes, not values: the timings are the model's). Each export is also read back by the
 * readers.
 */
class ExportStructureTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static Path run;
  private static String deps;
  private static String swimlane;
  private static String scopeStats;

  @BeforeAll
  static void simulate() throws Exception {
    Optional<Path> runs = ReferenceCorpus.forTest(ReferenceCorpus.upstreamRuns());
    Assumptions.assumeTrue(runs.isPresent(), ReferenceCorpus.MISSING);
    run = runs.get().resolve("pa-CaseSmall1-default");
    Program p = Workloads.byName("paged-attention").program(WorkloadParams.defaults().withCase("CaseSmall1"));
    RunConfig config = RunConfig.builder(p).platform(PlatformProfiles.a2a3sim()).build();
    DepsRecorder d = new DepsRecorder(p);
    SwimlaneRecorder s = new SwimlaneRecorder(config.platform());
    ScopeStatsRecorder ss = new ScopeStatsRecorder(p, config.rings());
    RunReport report = Simulation.run(config, List.of(d, s, ss));
    assertTrue(report.completed());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DepsJson.write(d.graph(), out);
    deps = out.toString(StandardCharsets.UTF_8);
    StringWriter w = new StringWriter();
    SwimlaneJson.write(s.records(), w);
    swimlane = w.toString();
    StringWriter w2 = new StringWriter();
    ScopeStatsJsonl.write(ss.stats(), w2);
    scopeStats = w2.toString();
  }

  /**
   * The shape of a JSON value: per object path (array indexes collapsed to []) its key set, per
   * tuple path its length, per field its type. Objects of one kind with different key sets (a
   * tensormap edge has more keys than a creator edge) are told apart by their discriminating field.
   */
  private static Map<String, TreeSet<String>> shape(JsonNode node) {
    Map<String, TreeSet<String>> out = new TreeMap<>();
    walk(node, "", out);
    return out;
  }

  private static void walk(JsonNode n, String path, Map<String, TreeSet<String>> out) {
    out.computeIfAbsent(path, k -> new TreeSet<>()).add(n.getNodeType().name());
    if (n.isObject()) {
      String kind = n.has("source") ? "(" + n.get("source").asText() + ")"
          : n.has("type") ? "(" + n.get("type").asText() + ")"
          : n.has("kind") ? "(" + (n.get("kind").asText().equals("dispatch") ? "dispatch" : "phase") + ")" : "";
      TreeSet<String> keys = new TreeSet<>();
      n.fieldNames().forEachRemaining(keys::add);
      out.computeIfAbsent(path + kind + "{keys}", k -> new TreeSet<>()).add(keys.toString());
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        walk(f.getValue(), path + kind + "." + f.getKey(), out);
      }
    } else if (n.isArray()) {
      boolean tuple = n.size() > 0 && n.get(0).isNumber() && path.matches(".*(aicore_tasks|aicpu_tasks)\\[\\]");
      if (tuple) {
        out.computeIfAbsent(path + "{length}", k -> new TreeSet<>()).add(Integer.toString(n.size()));
      }
      for (JsonNode e : n) {
        walk(e, path + "[]", out);
      }
    }
  }

  private static void assertSameShape(JsonNode real, JsonNode exported, String what) {
    Map<String, TreeSet<String>> r = shape(real);
    Map<String, TreeSet<String>> e = shape(exported);
    for (Map.Entry<String, TreeSet<String>> entry : e.entrySet()) {
      assertTrue(r.containsKey(entry.getKey()), what + ": the export has " + entry.getKey() + " which the real file has not");
      assertEquals(r.get(entry.getKey()), entry.getValue(), what + ": " + entry.getKey());
    }
  }

  @Test
  void depsJsonHasTheRealKeysAndTypes() throws Exception {
    JsonNode real = MAPPER.readTree(run.resolve("deps.json").toFile());
    JsonNode exported = MAPPER.readTree(deps);
    assertSameShape(real, exported, "deps.json");
    // Both edge kinds of an AUTO graph are exercised, and the file reads back.
    assertTrue(deps.contains("\"source\":\"creator\"") && deps.contains("\"source\":\"tensormap\""));
    DepsGraph back = DepsJson.read(new ByteArrayInputStream(deps.getBytes(StandardCharsets.UTF_8)));
    assertEquals(12, back.tasks().size());
    assertEquals("", GraphIdentityTest.diff(DepsJson.read(run.resolve("deps.json")), back));
  }

  @Test
  void swimlaneHasTheRealKeysTupleLengthsAndTypes() throws Exception {
    JsonNode real = MAPPER.readTree(run.resolve("chip_swimlane_records.json").toFile());
    JsonNode exported = MAPPER.readTree(swimlane);
    assertSameShape(real, exported, "chip_swimlane_records.json");
    SwimlaneRecords back = SwimlaneJson.read(new ByteArrayInputStream(swimlane.getBytes(StandardCharsets.UTF_8)));
    assertEquals(12, back.aicoreTasks().size(), "one core row per block");
    assertEquals(13, back.orchestratorPhases().get(0).size(), "one phase per submit, the alloc task included");
    assertEquals(50_000_000L, back.metadata().clockFreqHz());
    for (SwimlaneRecords.AicoreTask t : back.aicoreTasks()) {
      assertEquals(2, UpstreamIds.ring(t.taskId()), "tasks of the KV-block scopes are on ring 2, raw ids ring << 32");
      assertTrue(t.endCycles() > t.startCycles());
    }
  }

  @Test
  void scopeStatsHasTheRealKeysAndTypes() throws Exception {
    String[] realLines = java.nio.file.Files.readString(run.resolve("scope_stats.jsonl")).split("\n");
    String[] lines = scopeStats.split("\n");
    assertSameShape(MAPPER.readTree(realLines[0]), MAPPER.readTree(lines[0]), "scope_stats header");
    for (int i = 1; i < lines.length; i++) {
      assertSameShape(MAPPER.readTree(realLines[1]), MAPPER.readTree(lines[i]), "scope_stats line " + (i + 1));
    }
    ScopeStats back = ScopeStatsJsonl.read(new ByteArrayInputStream(scopeStats.getBytes(StandardCharsets.UTF_8)));
    // The real run's scopes: the root, one per tile, one per KV block: 1 + 1 + 3, each begin and end.
    assertEquals(realLines.length - 1, back.events().size());
    assertEquals(back.events().size(), back.header().total());
    assertFalse(back.header().fatal());
    ScopeStats.Event firstBlockEnd = back.events().get(3);
    assertEquals("end", firstBlockEnd.phase());
    assertEquals(2, firstBlockEnd.ring());
    assertEquals(4, firstBlockEnd.taskWindowEnd(), "four tasks submitted on ring 2 by the first block's end");
    assertEquals(5120, firstBlockEnd.heapEnd(), "QK 1 + SF 3 + PV 1 outputs of 1,024 bytes each, as the real run's line says");
  }
}
