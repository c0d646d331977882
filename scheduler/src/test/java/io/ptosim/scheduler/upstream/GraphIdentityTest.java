package io.ptosim.scheduler.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.HashMultiset;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.Multiset;
import com.google.common.collect.Multisets;
import io.ptosim.analysis.upstream.ReferenceCorpus;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.workload.PagedAttention;
import io.ptosim.scheduler.workload.WorkloadParams;
import io.ptosim.scheduler.workload.Workloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Graph identity (issue 8): for every paged-attention run of the corpus with a deps.json (AUTO
 * {@code pa-*} and manual-scope {@code pa-manual-*}), the built-in workload's program, exported as
 * dep_gen would record it, has the same tasks (task_id, kernel_ids, block_num, scope, in submit
 * order) and the same multiset of edges (pred, succ, source, arg).
 */
class GraphIdentityTest {

  /** One task as the identity compares it. */
  record TaskKey(String id, List<Integer> kernelIds, int blockNum, String scope) {}

  static List<TaskKey> tasks(DepsGraph g) {
    List<TaskKey> out = new ArrayList<>();
    for (DepsTask t : g.tasks()) {
      out.add(new TaskKey(UpstreamIds.show(t.taskId()), t.kernelIds(), t.blockNum(), t.scope()));
    }
    return out;
  }

  static Multiset<String> edges(DepsGraph g) {
    Multiset<String> out = HashMultiset.create();
    for (DepsEdge e : g.edges()) {
      out.add(UpstreamIds.show(e.pred()) + "->" + UpstreamIds.show(e.succ()) + " " + e.source().text() + " arg " + e.arg());
    }
    return out;
  }

  /** The differences, or "" when identical. */
  static String diff(DepsGraph expected, DepsGraph actual) {
    StringBuilder b = new StringBuilder();
    List<TaskKey> et = tasks(expected);
    List<TaskKey> at = tasks(actual);
    if (!et.equals(at)) {
      b.append("tasks: recorded ").append(et.size()).append(", exported ").append(at.size());
      for (int i = 0; i < Math.min(et.size(), at.size()); i++) {
        if (!et.get(i).equals(at.get(i))) {
          b.append("; first difference at ").append(i).append(": recorded ").append(et.get(i)).append(", exported ").append(at.get(i));
          break;
        }
      }
      b.append('\n');
    }
    Multiset<String> ee = edges(expected);
    Multiset<String> ae = edges(actual);
    Multiset<String> missing = Multisets.difference(ee, ae);
    Multiset<String> extra = Multisets.difference(ae, ee);
    if (!missing.isEmpty() || !extra.isEmpty()) {
      b.append("edges: ").append(missing.size()).append(" recorded only, e.g. ").append(first(missing))
          .append("; ").append(extra.size()).append(" exported only, e.g. ").append(first(extra)).append('\n');
    }
    return b.toString();
  }

  private static List<String> first(Multiset<String> m) {
    return m.elementSet().stream().sorted().limit(4).toList();
  }

  static Optional<Program> builtIn(String example, String caseName) {
    WorkloadParams.Mode mode;
    if (example.endsWith("/paged_attention/test_paged_attention.py")) {
      mode = WorkloadParams.Mode.AUTO;
    } else if (example.endsWith("/paged_attention_manual_scope/test_paged_attention_manual_scope.py")) {
      mode = WorkloadParams.Mode.MANUAL;
    } else {
      return Optional.empty();
    }
    return Optional.of(Workloads.byName("paged-attention").program(WorkloadParams.defaults().withCase(caseName).withMode(mode)));
  }

  @Test
  void everyPagedAttentionRunHasTheBuiltInWorkloadsGraph() throws Exception {
    Optional<Path> runs = ReferenceCorpus.forTest(ReferenceCorpus.upstreamRuns());
    Assumptions.assumeTrue(runs.isPresent(), ReferenceCorpus.MISSING);
    ObjectMapper mapper = new ObjectMapper();
    StringBuilder failures = new StringBuilder();
    int compared = 0;
    for (Path run : ReferenceCorpus.runDirectories(runs.get())) {
      Path deps = Files.exists(run.resolve("deps.json")) ? run.resolve("deps.json") : run.resolve("deps.json.gz");
      if (!Files.exists(deps)) {
        continue;
      }
      JsonNode meta = mapper.readTree(run.resolve("meta.json").toFile());
      Optional<Program> program = builtIn(meta.get("example").asText(), meta.get("case").asText());
      if (program.isEmpty()) {
        continue;
      }
      String d = diff(DepsJson.read(deps), DepGenReplay.of(program.get()));
      if (!d.isEmpty()) {
        failures.append(run.getFileName()).append(":\n").append(d);
      }
      compared++;
    }
    assertEquals("", failures.toString());
    assertEquals(17, compared, "paged-attention runs with a deps.json");
  }
}
