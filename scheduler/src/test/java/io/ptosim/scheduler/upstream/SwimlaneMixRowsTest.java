package io.ptosim.scheduler.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.des.event.TraceEvent;
import io.ptosim.des.platform.DeviceClock;
import io.ptosim.des.platform.PlatformProfile;
import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.des.trace.MemoryTrace;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.TensorArg;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.run.Simulation;
import io.ptosim.scheduler.version.RuntimeVersions;
import io.ptosim.analysis.upstream.ReferenceCorpus;
import io.ptosim.scheduler.program.Op;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The swimlane export of a MIX block: one aicore row per core its mask names, each from the block's
 * dispatch to that core's own finish notice (upstream records one row per subtask), so a MIX task
 * whose AIC kernel is shorter than its AIV kernel shows a shorter AIC row.
 */
class SwimlaneMixRowsTest {

  @Test
  void aMixBlockHasOneRowPerCoreEndingAtThatCoresOwnFinish() {
    PlatformProfile p = PlatformProfiles.a2a3().with("clusters", 1).with("schedulerThreads", 1)
        .with("kernel.k_aic", 100_000).with("kernel.k_aiv", 1_000_000);
    ProgramBuilder pb = ProgramBuilder.named("mix-rows");
    pb.submitPerCore("mix", 0b111, 1, List.of("k_aic", "k_aiv", "k_aiv"), TensorArg.output(1 << 20, 256));
    Program program = pb.build();
    for (var v : RuntimeVersions.all()) {
      SwimlaneRecorder s = new SwimlaneRecorder(p);
      MemoryTrace trace = new MemoryTrace();
      Simulation.run(RunConfig.builder(program).platform(p).runtime(v).build(), List.of(s, trace));
      List<SwimlaneRecords.AicoreTask> rows = s.records().aicoreTasks();
      // cores as upstream numbers them: AIC 0, then AIV 0 and 1 at 1 and 2 (one cluster)
      assertThat(rows).as(v.name()).extracting(SwimlaneRecords.AicoreTask::coreId).containsExactly(0, 1, 2);
      long dispatch = DeviceClock.ticks(trace.events(TraceEvent.Dispatch.class).get(0).atNs());
      assertThat(rows).as(v.name()).allSatisfy(r -> assertThat(r.startCycles()).isEqualTo(dispatch));
      List<TraceEvent.SubtaskDone> sub = trace.events(TraceEvent.SubtaskDone.class);
      assertThat(rows).as(v.name()).extracting(SwimlaneRecords.AicoreTask::endCycles).containsExactly(
          DeviceClock.ticks(sub.get(0).atNs()), DeviceClock.ticks(sub.get(1).atNs()), DeviceClock.ticks(sub.get(2).atNs()));
      // the AIC row ends a 900 us kernel difference before the AIV rows
      assertThat(sub.get(1).atNs() - sub.get(0).atNs()).as(v.name()).isEqualTo(900_000);
      assertThat(s.records().aicpuTasks()).as(v.name()).hasSize(3);
    }
  }

  /**
   * The corpus's MIX runs, simulated from their deps.json: the export has upstream's rows per task
   * exactly (one per core of each block: mixed-case1 36, not the 20 blocks; spmd-multiblock-mix 282,
   * not 94).
   */
  @ParameterizedTest
  @ValueSource(strings = {"mixed-case1", "mixed-case2", "spmd-multiblock-mix-Case1", "spmd-starvation-Case1"})
  void theExportHasUpstreamsRowsPerTaskForTheCorpussMixRuns(String name) throws Exception {
    Optional<Path> corpus = ReferenceCorpus.forTest(ReferenceCorpus.upstreamRuns());
    Assumptions.assumeTrue(corpus.isPresent(), ReferenceCorpus.MISSING);
    Path run = corpus.get().resolve(name);
    Program program = UpstreamPrograms.fromDepsJson(run.resolve("deps.json"));
    PlatformProfile sim = PlatformProfiles.a2a3sim();
    for (Op op : program.ops()) {
      if (op instanceof Op.Submit s) {
        for (String k : s.runKernels()) {
          if (!sim.knowsKernel(k)) {
            sim = sim.with("kernel." + k, sim.defaultKernelNs());
          }
        }
      }
    }
    SwimlaneRecorder rec = new SwimlaneRecorder(sim);
    Simulation.run(RunConfig.builder(program).platform(sim).build(), List.of(rec));
    SwimlaneRecords upstream = SwimlaneJson.read(run.resolve("chip_swimlane_records.json"));
    assertThat(rowsPerTask(rec.records())).isEqualTo(rowsPerTask(upstream));
  }

  private static Map<Long, Integer> rowsPerTask(SwimlaneRecords r) {
    Map<Long, Integer> n = new TreeMap<>();
    for (SwimlaneRecords.AicoreTask t : r.aicoreTasks()) {
      n.merge(t.taskId(), 1, Integer::sum);
    }
    return n;
  }
}
