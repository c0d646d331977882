package io.ptosim.scheduler.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

  @Test
  void everyRecordedGraphRoundTripsThroughAProgram() throws Exception {
    StringBuilder failures = new StringBuilder();
    int n = 0;
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
        failures.append(run.getFileName()).append(": ").append(e.getMessage()).append('\n');
      }
    }
    assertEquals("", failures.toString());
    // All 53, the 7 with explicit edges into auto-scope tasks (dep-gen-chain-*, dummy-DenseFanoutFanin,
    // dummy-DummyExplicitDepBarrier, spmd-sync-start-mix-spill-Case1) among them.
    assertEquals(53, n, "graphs that round-trip");
  }

  /** The corpus's graphs with explicit edges into auto-scope tasks (set_dependencies on an ordinary submit). */
  private static final java.util.List<String> EXPLICIT_INTO_AUTO = java.util.List.of(
      "dep-gen-chain-n-64-no-chain", "dep-gen-chain-n-65-single-overflow", "dep-gen-chain-n-200-single-overflow",
      "dep-gen-chain-n-391-two-overflow", "dummy-DenseFanoutFanin", "dummy-DummyExplicitDepBarrier",
      "spmd-sync-start-mix-spill-Case1");

  /** Upstream main's PTO2_FANIN_INLINE_CAP: fanin edges past it take fanin-pool entries. */
  private static final int FANIN_INLINE_CAP = 64;

  private static final java.util.regex.Pattern FANIN_POOL = java.util.regex.Pattern.compile("\\[FaninPool 0\\] top=\\d+ tail=\\d+ used=(\\d+)");

  /**
   * Each of those runs, simulated under main on a2a3sim, completes as it did, and every task's
   * fanin is its recorded distinct producers (explicit and TensorMap edges to one producer are one
   * fanin edge; all tasks stay referenced by the executor's scope, so none is dropped as CONSUMED).
   * The edges past 64 per task are what the run's log reports its ring-0 fanin pool used: 1 (n_65),
   * 136 (n_200), 327 (n_391), none logged for the others.
   */
  @Test
  void explicitEdgesIntoAutoTasksGiveTheRecordedFaninAndTheLoggedSpill() throws Exception {
    for (String name : EXPLICIT_INTO_AUTO) {
      Path run = corpus().resolve(name);
      DepsGraph recorded = DepsJson.read(run.resolve("deps.json"));
      java.util.Map<Long, java.util.Set<Long>> preds = new java.util.HashMap<>();
      for (DepsEdge e : recorded.edges()) {
        preds.computeIfAbsent(e.succ(), k -> new java.util.HashSet<>()).add(e.pred());
      }
      Program p = UpstreamPrograms.fromDepsJson(run.resolve("deps.json"));
      io.ptosim.des.platform.PlatformProfile sim = io.ptosim.des.platform.PlatformProfiles.a2a3sim();
      for (Op op : p.ops()) {
        if (op instanceof Op.Submit s) {
          for (String k : s.runKernels()) {
            if (!sim.knowsKernel(k)) {
              sim = sim.with("kernel." + k, sim.defaultKernelNs());
            }
          }
        }
      }
      io.ptosim.des.trace.MemoryTrace trace = new io.ptosim.des.trace.MemoryTrace();
      io.ptosim.scheduler.run.RunReport r = io.ptosim.scheduler.run.Simulation.run(
          io.ptosim.scheduler.run.RunConfig.builder(p).platform(sim).build(), java.util.List.of(trace));
      assertEquals(io.ptosim.scheduler.run.Outcome.COMPLETED, r.outcome(), name);
      long spilled = 0;
      int submits = 0;
      for (io.ptosim.des.event.TraceEvent.Submit s : trace.events(io.ptosim.des.event.TraceEvent.Submit.class)) {
        long task = UpstreamIds.fromModel(s.task());
        int fanin = s.faninTotal() - 1;
        assertEquals(preds.getOrDefault(task, java.util.Set.of()).size(), fanin, name + ": fanin of " + UpstreamIds.show(task));
        spilled += Math.max(0, fanin - FANIN_INLINE_CAP);
        submits++;
      }
      assertEquals(recorded.tasks().size(), submits, name + ": tasks");
      java.util.regex.Matcher m = FANIN_POOL.matcher(Files.readString(run.resolve("log.txt")));
      assertEquals(m.find() ? Long.parseLong(m.group(1)) : 0, spilled, name + ": fanin-pool entries (log's FaninPool 0 used)");
    }
  }

  /**
   * With the run's scope_stats.jsonl beside it (scope boundaries), a recorded paged-attention graph
   * runs exactly as the built-in workload of the same case and mode: the same trace hash.
   */
  @Test
  void aRecordedPagedAttentionGraphRunsAsTheBuiltInWorkload() throws Exception {
    Path runs = corpus();
    int compared = 0;
    for (Path run : ReferenceCorpus.runDirectories(runs)) {
      Path deps = run.resolve("deps.json");
      if (!Files.exists(deps) || !run.getFileName().toString().endsWith("-default")) {
        continue;
      }
      com.fasterxml.jackson.databind.JsonNode meta = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.resolve("meta.json").toFile());
      Optional<Program> builtIn = GraphIdentityTest.builtIn(meta.get("example").asText(), meta.get("case").asText());
      if (builtIn.isEmpty()) {
        continue;
      }
      io.ptosim.des.platform.PlatformProfile sim = io.ptosim.des.platform.PlatformProfiles.a2a3sim();
      String expected = io.ptosim.scheduler.run.Simulation.run(
          io.ptosim.scheduler.run.RunConfig.builder(builtIn.get()).platform(sim).build(), java.util.List.of()).traceHash();
      String actual = io.ptosim.scheduler.run.Simulation.run(
          io.ptosim.scheduler.run.RunConfig.builder(UpstreamPrograms.fromDepsJson(deps)).platform(sim).build(), java.util.List.of()).traceHash();
      assertEquals(expected, actual, run.getFileName() + ": trace hash");
      compared++;
    }
    assertEquals(8, compared, "pa-*-default and pa-manual-*-default runs");
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
  void anExplicitEdgeIntoAnAutoTaskFollowsItsConsumersSubmit() throws Exception {
    // spmd-sync-start-mix-spill-Case1's shape: the consumer names its producer explicitly and finds it
    // again by the TensorMap; deps.json lists both edges, the runtime's fanin has one.
    String json = "{\"tasks\":[{\"task_id\":\"0\",\"scope\":\"auto\",\"kernel_ids\":[-1,3,-1],\"block_num\":1,\"args\":["
        + "{\"idx\":0,\"type\":\"INOUT\",\"tensor_id\":\"7\",\"dtype\":\"FLOAT32\",\"shape\":[16],\"start_offset\":\"0\",\"strides\":[1]}]},"
        + "{\"task_id\":\"1\",\"scope\":\"auto\",\"kernel_ids\":[0,1,2],\"block_num\":1,\"args\":["
        + "{\"idx\":0,\"type\":\"INOUT\",\"tensor_id\":\"7\",\"dtype\":\"FLOAT32\",\"shape\":[16],\"start_offset\":\"0\",\"strides\":[1]}]}],"
        + "\"tensors\":[{\"tensor_id\":\"7\",\"buffer_addr\":\"4096\",\"version\":0,\"dtype\":\"FLOAT32\",\"buffer_numel\":\"16\"}],"
        + "\"edges\":[{\"pred\":\"0\",\"succ\":\"1\",\"arg\":-1,\"source\":\"explicit\",\"flags\":[\"wait\",\"retain\"]},"
        + "{\"pred\":\"0\",\"succ\":\"1\",\"arg\":0,\"source\":\"tensormap\",\"flags\":[\"wait\"],\"overlap\":\"covered\",\"tensor_id\":\"7\","
        + "\"consumer_dtype\":\"FLOAT32\",\"consumer_shape\":[16],\"consumer_start_offset\":\"0\",\"consumer_strides\":[1],"
        + "\"producer_shape\":[16],\"producer_start_offset\":\"0\",\"producer_strides\":[1]}]}";
    DepsGraph g = DepsJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    Program p = new DepsProgram(g, KernelTable.RECORDED, "x").program();
    assertEquals(3, p.ops().size());
    assertTrue(p.ops().get(0) instanceof Op.Submit && p.ops().get(1) instanceof Op.Submit);
    assertEquals(new Op.AddDependency(0, 1), p.ops().get(2));
    // kernel_ids [0, 1, 2]: each core of the MIX task runs its own kernel; [-1, 3, -1]: one kernel
    assertEquals("f0.1.2", ((Op.Submit) p.ops().get(1)).kernel());
    assertEquals(java.util.List.of("f0", "f1", "f2"), ((Op.Submit) p.ops().get(1)).coreKernels());
    assertEquals(java.util.List.of(), ((Op.Submit) p.ops().get(0)).coreKernels());
    assertEquals("", GraphIdentityTest.diff(g, new DepGenReplay(p, KernelTable.RECORDED).graph()));
    io.ptosim.des.trace.MemoryTrace trace = new io.ptosim.des.trace.MemoryTrace();
    io.ptosim.scheduler.run.RunReport r = io.ptosim.scheduler.run.Simulation.run(io.ptosim.scheduler.run.RunConfig.builder(p)
        .platform(io.ptosim.des.platform.PlatformProfiles.a2a3sim().with("kernel.f3", 1000)
            .with("kernel.f0", 1000).with("kernel.f1", 1000).with("kernel.f2", 1000)).build(),
        java.util.List.of(trace));
    assertEquals(io.ptosim.scheduler.run.Outcome.COMPLETED, r.outcome());
    assertEquals(java.util.List.of(1, 2), trace.events(io.ptosim.des.event.TraceEvent.Submit.class).stream()
        .map(io.ptosim.des.event.TraceEvent.Submit::faninTotal).toList(), "fanin = distinct producers + 1");
  }
}
