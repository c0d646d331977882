package io.ptosim.scheduler.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ptosim.analysis.upstream.ReferenceCorpus;
import io.ptosim.scheduler.program.Op;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ScopeMode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** deps.json -> program: the runtime's discovery rules, replayed, give back every recorded graph of the corpus. */
class DepsProgramTest {

  private static Path corpus() {
    Optional<Path> runs = ReferenceCorpus.forTest(ReferenceCorpus.upstreamRuns());
    Assumptions.assumeTrue(runs.isPresent(), ReferenceCorpus.MISSING);
    return runs.get();
  }

  /**
   * Graphs with explicit edges into auto-scope tasks (upstream's set_dependencies on an ordinary
   * submit): the program model takes explicit edges in MANUAL scopes only, so these are refused.
   */
  private static final java.util.Set<String> EXPLICIT_INTO_AUTO = java.util.Set.of(
      "dep-gen-chain-n-64-no-chain", "dep-gen-chain-n-65-single-overflow", "dep-gen-chain-n-200-single-overflow",
      "dep-gen-chain-n-391-two-overflow", "dummy-DenseFanoutFanin", "dummy-DummyExplicitDepBarrier",
      "spmd-sync-start-mix-spill-Case1");

  @Test
  void everyRecordedGraphRoundTripsThroughAProgram() throws Exception {
    StringBuilder failures = new StringBuilder();
    int n = 0;
    int refused = 0;
    for (Path run : ReferenceCorpus.runDirectories(corpus())) {
      Path deps = run.resolve("deps.json");
      if (!Files.exists(deps)) {
        continue; // the gzipped Case1 graph is held by GraphIdentityTest through the built-in workload
      }
      DepsGraph recorded = DepsJson.read(deps);
      try {
        Program p = new DepsProgram(recorded, KernelTable.RECORDED, run.getFileName().toString()).program();
        String d = GraphIdentityTest.diff(recorded, new DepGenReplay(p, KernelTable.RECORDED).graph());
        if (!d.isEmpty()) {
          failures.append(run.getFileName()).append(":\n").append(d);
        }
        n++;
      } catch (UpstreamFormatException e) {
        if (EXPLICIT_INTO_AUTO.contains(run.getFileName().toString())
            && e.getMessage().contains("an explicit edge into an auto-scope task")) {
          refused++;
        } else {
          failures.append(run.getFileName()).append(": ").append(e.getMessage()).append('\n');
        }
      }
    }
    assertEquals("", failures.toString());
    assertEquals(46, n, "graphs that round-trip");
    assertEquals(EXPLICIT_INTO_AUTO.size(), refused, "graphs refused for an explicit edge into an auto task");
  }

  @Test
  void scopesAndHiddenTasksOfTheManualScopeExample() throws Exception {
    DepsGraph recorded = DepsJson.read(corpus().resolve("pa-manual-CaseSmall1-default/deps.json"));
    Program p = new DepsProgram(recorded, KernelTable.PAGED_ATTENTION, "x").program();
    assertEquals(new Op.ScopeBegin(ScopeMode.MANUAL), p.ops().get(0));
    assertTrue(p.ops().get(1) instanceof Op.AllocTensors, "the hidden alloc 1:0 first in the MANUAL scope");
    assertEquals("qk", ((Op.Submit) p.ops().get(2)).kernel());
    assertEquals(13, p.taskCount());
  }

  @Test
  void anExplicitEdgeIntoAnAutoTaskIsRefusedNamingTheEdge() throws Exception {
    String json = "{\"tasks\":[{\"task_id\":\"0\",\"scope\":\"auto\",\"kernel_ids\":[0,-1,-1],\"block_num\":1,\"args\":[]},"
        + "{\"task_id\":\"1\",\"scope\":\"auto\",\"kernel_ids\":[0,-1,-1],\"block_num\":1,\"args\":[]}],\"tensors\":[],"
        + "\"edges\":[{\"pred\":\"0\",\"succ\":\"1\",\"arg\":-1,\"source\":\"explicit\",\"flags\":[\"wait\",\"retain\"]}]}";
    DepsGraph g = DepsJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    String m = assertThrows(UpstreamFormatException.class, () -> new DepsProgram(g, KernelTable.RECORDED, "x").program()).getMessage();
    assertEquals("deps.json: /edges/0: an explicit edge into an auto-scope task (0:1) is not modelled: ptosim takes explicit edges"
        + " in MANUAL scopes only", m);
  }
}
