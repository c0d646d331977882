package io.ptosim.scheduler.version;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.scheduler.policy.StallRecord;
import io.ptosim.scheduler.policy.StallResource;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;
import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.run.RunReport;
import io.ptosim.scheduler.run.Simulation;
import io.ptosim.scheduler.runtime.RingConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fanin spill pool of each version ({@code FaninSpillRules}): edges past the inline cap (64 at
 * main, 16 at pr482) take entries of the consumer's ring's pool, as many as its dependency pool,
 * one {@code ensure_space(1)} each, before the TensorMap and the dependency pool; a task's entries
 * come back once last_alive passes it. The main case is upstream's fixture
 * {@code tests/st/runtime_fatal_codes/kernels/orchestration/dep_pool_overflow_orch.cpp} (corpus run
 * {@code fatal-dep-pool-overflow}); its report lines are that run's log.
 */
class FaninSpillPoolTest {

  /** dep_pool_overflow_orch.cpp: in one AUTO scope, 128 dummy producers and one consumer naming all of them. */
  static Program depPoolOverflow() {
    ProgramBuilder pb = ProgramBuilder.named("fatal-dep-pool-overflow").scope(ScopeMode.AUTO);
    List<Long> producers = new ArrayList<>();
    for (int i = 0; i < 128; i++) {
      producers.add(pb.submit("short", 0b010, 1, TensorArg.output(0x1000_0000L + i * 0x1_0000L, 4)));
    }
    long consumer = pb.submit("short", 0b010, 1);
    for (long p : producers) {
      pb.addDependency(p, consumer);
    }
    return pb.endScope().build();
  }

  private static RunReport run(Program p, RuntimeVersion v, String policy, int depPool) {
    RunConfig.Builder b = RunConfig.builder(p).runtime(v).platform(PlatformProfiles.a2a3sim())
        .rings(RingConfig.defaults().withDepPool(depPool));
    if (!policy.isEmpty()) {
      b.policy(policy);
    }
    return Simulation.run(b.build(), List.of());
  }

  @Test
  void mainsFixtureExhaustsTheSpillPoolOnRing1AndTheBackstopReportsItAsUpstreamDid() {
    RunReport r = run(depPoolOverflow(), RuntimeVersions.main(), "", 4);

    assertThat(r.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.message()).isEqualTo("FATAL: Fanin Spill Pool Deadlock Detected!");
    assertThat(r.stalls()).extracting(StallRecord::ring, StallRecord::resource)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, StallResource.FANIN_POOL));
    assertThat(r.finding().orElseThrow().verdict()).isEqualTo("BACKSTOP");
    // Upstream's log (fatal-dep-pool-overflow/log.txt, pto_ring_buffer.cpp:90-114), line for line.
    String f = "[ERROR] ensure_space: ";
    String rule = "========================================";
    assertThat(r.deviceLog()).containsExactly(
        f + rule,
        f + "FATAL: Fanin Spill Pool Deadlock Detected!",
        f + rule,
        f + "Fanin spill pool cannot reclaim space after ~500 ms (no progress).",
        f + "  - Pool used:     4 / 4 (100.0%)",
        f + "  - Pool top:      5 (linear)",
        f + "  - Pool tail:     1 (linear)",
        f + "  - High water:    4",
        f + "  - Needed:        1 entries",
        f + "  - last_task_alive: 0 (stuck here)",
        f + "  - current_task:    129",
        f + "  - In-flight tasks: 129",
        f + "Diagnosis:",
        f + "  last_task_alive is not advancing, so fanin spill pool tail",
        f + "  cannot reclaim. Check TaskRing diagnostics for root cause.",
        f + "Solution:",
        f + "  Increase fanin spill pool capacity (current: 4, recommended: 8)",
        f + "  Compile-time: PTO2_DEP_LIST_POOL_SIZE in pto_runtime2_types.h",
        f + "  Runtime env:  PTO2_RING_DEP_POOL=8",
        f + rule);
  }

  @Test
  void theCheckerCallsItACapacityDeadlockTheBlockedSubmitHoldsTheWholePool() {
    RunReport r = run(depPoolOverflow(), RuntimeVersions.main(), "checker", 4);

    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.finding().orElseThrow().verdict()).isEqualTo("REAL_DEADLOCK");
    assertThat(r.message()).contains("needs 1 fanin spill entries of ring 1, whose pool of 4 already holds 4");
    assertThat(r.finalSnapshotText().orElseThrow())
        .contains("ring=1 window=16384 last_alive=4294967296 current=4294967425 fanin_pool=4/4 fanin_held=4")
        .contains("orchestrator=blocked waiting=fanin_pool ring=1 needed=1");
  }

  @Test
  void aPoolOfTheDefaultSizeHoldsTheSpill() {
    RunReport r = run(depPoolOverflow(), RuntimeVersions.main(), "", RingConfig.DEFAULT_DEP_POOL);
    assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(r.stalls()).isEmpty();
  }

  /**
   * Two AUTO scopes on ring 1, each of {@code producers} alloc_tensors tasks (COMPLETED at submit,
   * so the dependency pool is never asked) and one {@code kernel} consumer naming all of them.
   */
  private static Program twoSpillingScopes(int producers, String kernel) {
    ProgramBuilder pb = ProgramBuilder.named("two-spilling-scopes");
    long base = 0x1000_0000L;
    for (int s = 0; s < 2; s++) {
      pb.scope(ScopeMode.AUTO);
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < producers; i++) {
        ids.add(pb.allocTensors(TensorArg.output(base, 4)));
        base += 0x1_0000L;
      }
      long consumer = pb.submit(kernel, 0b010, 1);
      for (long p : ids) {
        pb.addDependency(p, consumer);
      }
      pb.endScope();
    }
    return pb.build();
  }

  @Test
  void aSpilledTasksEntriesComeBackWhenLastAliveHasPassedIt() {
    // 104 edges each: 40 spill. A pool of 70 holds the first consumer's 40 and 30 of the second's,
    // which waits until the first consumer (a long kernel) has retired.
    RunReport r = run(twoSpillingScopes(104, "long"), RuntimeVersions.main(), "patient", 70);

    assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(r.stalls()).singleElement().satisfies(s -> {
      assertThat(s.resource()).isEqualTo(StallResource.FANIN_POOL);
      assertThat(s.ring()).isEqualTo(1);
      assertThat(s.resumed()).isTrue();
    });
    // The checker judges the same wait through the wait-for graph: the first consumer will retire.
    RunReport checked = run(twoSpillingScopes(104, "long"), RuntimeVersions.main(), "checker", 70);
    assertThat(checked.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(checked.stalls()).singleElement().satisfies(s -> {
      assertThat(s.resource()).isEqualTo(StallResource.FANIN_POOL);
      assertThat(s.verdict()).contains("UNRETIRED_PROGRESS");
      assertThat(s.resumed()).isTrue();
    });
    // With 80 entries both consumers' spills fit at once.
    assertThat(run(twoSpillingScopes(104, "long"), RuntimeVersions.main(), "patient", 80).stalls()).isEmpty();
  }

  /** One AUTO scope of {@code producers} alloc_tensors tasks and a consumer reading each one's buffer. */
  private static Program readsFromEach(int producers) {
    ProgramBuilder pb = ProgramBuilder.named("reads-from-each").scope(ScopeMode.AUTO);
    List<TensorArg> inputs = new ArrayList<>();
    for (int i = 0; i < producers; i++) {
      long base = 0x1000_0000L + i * 0x1_0000L;
      pb.allocTensors(TensorArg.output(base, 4));
      inputs.add(TensorArg.input(base, 0, 4));
    }
    pb.submit("short", 0b010, 1, inputs);
    return pb.endScope().build();
  }

  @Test
  void pr482SpillsPast16EdgesBeforeTheDependencyPoolAndItsStallExitsWithoutACode() {
    // 21 creator-retention edges: 5 spill, 4 fit, the pool stalls first.
    RunReport spill = run(readsFromEach(21), RuntimeVersions.pr482(), "", 4);
    assertThat(spill.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(spill.exitCode()).isZero();
    assertThat(spill.message()).isEqualTo("FATAL: Fanin Spill Pool Deadlock Detected! (ring 1)");
    assertThat(spill.deviceLog()).contains(
        "[ERROR] ensure_space: Fanin spill pool cannot reclaim space after 100000 spins (no progress).",
        "[ERROR] ensure_space:   - Pool used:     4 / 4 (100.0%)");
    // 20 edges: the 4 spill entries fit; then AUTO's ensure_space(fanin + 1) = 21 cannot.
    RunReport dep = run(readsFromEach(20), RuntimeVersions.pr482(), "", 4);
    assertThat(dep.message()).isEqualTo("FATAL: Dependency Pool Deadlock Detected! (ring 1)");
    // Main keeps 64 edges inline: 21 never touch its spill pool.
    assertThat(run(readsFromEach(21), RuntimeVersions.main(), "", 4).stalls()).isEmpty();
  }

  /**
   * {@code external} alloc_tensors tasks at top level, then a MANUAL scope whose first task reads
   * each one's buffer (creator retention finds them: they are outside the region) and, when
   * {@code explicit}, a second task that reads them too and names the first by an explicit edge.
   */
  private static Program manualReadsFromOutside(int external, boolean explicit) {
    ProgramBuilder pb = ProgramBuilder.named("manual-reads-from-outside");
    List<TensorArg> inputs = new ArrayList<>();
    for (int i = 0; i < external; i++) {
      long base = 0x1000_0000L + i * 0x1_0000L;
      pb.allocTensors(TensorArg.output(base, 4));
      inputs.add(TensorArg.input(base, 0, 4));
    }
    pb.scope(ScopeMode.MANUAL);
    long first = pb.submit("short", 0b010, 1, inputs);
    if (explicit) {
      long second = pb.submit("short", 0b010, 1, inputs);
      pb.addDependency(first, second);
    }
    return pb.endScope().build();
  }

  private static RunReport deferred(Program p, RuntimeVersion v) {
    return Simulation.run(RunConfig.builder(p).runtime(v).platform(PlatformProfiles.a2a3sim())
        .publishMode(io.ptosim.scheduler.runtime.PublishMode.DEFERRED).build(), List.of());
  }

  @Test
  void pr482RefusesAManualTaskWithMoreThan16ProducersAtItsScopeEndWithCode6() {
    RunReport r = deferred(manualReadsFromOutside(17, false), RuntimeVersions.pr482());

    assertThat(r.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(r.exitCode()).isEqualTo(6);
    assertThat(r.message()).isEqualTo("FATAL: Dependency Overflow Detected!");
    String f = "[ERROR] pto2_scope_end: ";
    assertThat(r.deviceLog()).containsExactly(f + "========================================",
        f + "FATAL: Dependency Overflow Detected!", f + "========================================",
        f + "Task requires more than PTO2_MAX_INPUTS unique fanin dependencies.",
        f + "  task_id.raw:        4294967296",
        f + "  fanin_count:        17 / 16",
        f + "  reason:             manual dependency bookkeeping",
        f + "This is a runtime dependency-tracking limit.",
        f + "========================================");
    assertThat(deferred(manualReadsFromOutside(16, false), RuntimeVersions.pr482()).outcome()).isEqualTo(Outcome.COMPLETED);
    // Main has no such limit: the 17 edges fit inline.
    assertThat(deferred(manualReadsFromOutside(17, false), RuntimeVersions.main()).outcome()).isEqualTo(Outcome.COMPLETED);
  }

  @Test
  void pr482RefusesTheAddDependencyThatWouldGiveATask17Producers() {
    RunReport r = deferred(manualReadsFromOutside(16, true), RuntimeVersions.pr482());

    assertThat(r.exitCode()).isEqualTo(6);
    assertThat(r.deviceLog()).contains("[ERROR] pto2_add_dependency:   consumer_id.raw:    4294967297",
        "[ERROR] pto2_add_dependency:   fanin_count:        17 / 16",
        "[ERROR] pto2_add_dependency:   reason:             explicit add_dependency");
    assertThat(deferred(manualReadsFromOutside(15, true), RuntimeVersions.pr482()).outcome()).isEqualTo(Outcome.COMPLETED);
  }
}
