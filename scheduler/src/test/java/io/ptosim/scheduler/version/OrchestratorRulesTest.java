package io.ptosim.scheduler.version;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;
import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.run.RunReport;
import io.ptosim.scheduler.run.Simulation;
import io.ptosim.scheduler.runtime.PublishMode;
import io.ptosim.scheduler.runtime.RingConfig;
import io.ptosim.scheduler.runtime.TaskIds;
import io.ptosim.scheduler.workload.PagedAttention;
import io.ptosim.scheduler.workload.PagedAttentionCase;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each orchestrator rule of a version, pinned by exact outcomes and by the version's own report,
 * mostly on the corpus's CaseSmall2 AUTO runs (upstream main 6ebaf77 on a2a3sim): the numbers in
 * these reports are the real runs' ({@code ../shared/upstream-runs/pa-CaseSmall2-*}/log.txt).
 */
class OrchestratorRulesTest {

  private static RunReport small2(RuntimeVersion version, RingConfig rings) {
    Program p = PagedAttention.program(PagedAttentionCase.byName("CaseSmall2"), false);
    return Simulation.run(RunConfig.builder(p).runtime(version).platform(PlatformProfiles.a2a3sim()).rings(rings).build(), List.of());
  }

  @Test
  void depPoolEntriesArePerPendingProducerTakenAfterTheCommitAndReclaimedOnlyEvery64Retirements() {
    // Upstream pa-CaseSmall2-dep32: the pool is never reclaimed (32 tasks < 64 retirements), the
    // 28th task (local 27) is committed before it waits (current_task 28), and it needs 4 entries.
    RunReport r = small2(RuntimeVersions.main(), RingConfig.defaults().withDepPool(32));

    assertThat(r.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.message()).isEqualTo("FATAL: Dependency Pool Deadlock Detected!");
    assertThat(r.deviceLog()).contains(
        "[ERROR] report_deadlock: DepListPool cannot reclaim space after ~500 ms (no progress).",
        "[ERROR] report_deadlock:   - Pool used:     31 / 32 (96.9%)",
        "[ERROR] report_deadlock:   - Pool top:      32 (linear)",
        "[ERROR] report_deadlock:   - Pool tail:     1 (linear)",
        "[ERROR] report_deadlock:   - Needed:        4 entries",
        "[ERROR] report_deadlock:   - last_task_alive: 23 (stuck here)",
        "[ERROR] report_deadlock:   - current_task:    28",
        "[ERROR] report_deadlock:   Head task 23: state=1, consumers=0/1, scope_released=1");
  }

  @Test
  void depPoolOutcomesMatchTheCorpusAtEverySize() {
    for (int size : new int[] {4, 8, 16, 32}) {
      assertThat(small2(RuntimeVersions.main(), RingConfig.defaults().withDepPool(size)).exitCode()).as("dep pool %s", size)
          .isEqualTo(4);
    }
    assertThat(small2(RuntimeVersions.main(), RingConfig.defaults().withDepPool(64)).outcome()).isEqualTo(Outcome.COMPLETED);
  }

  @Test
  void theCheckerSeesATaskBlockedInEnsureSpaceAsAConsumerOnlyTheOrchestratorCanPublish() {
    // The blocked task holds its slot and its producers' fanout claims: the snapshot shows its edges
    // and its completed producers released, so the checker finds the cycle, not an impossible state.
    Program p = PagedAttention.program(PagedAttentionCase.byName("CaseSmall2"), false);
    RunReport r = Simulation.run(RunConfig.builder(p).platform(PlatformProfiles.a2a3sim()).policy("checker")
        .rings(RingConfig.defaults().withDepPool(16)).build(), List.of());

    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.finding().orElseThrow().verdict()).isEqualTo("REAL_DEADLOCK");
    // The capacity rule speaks first (33 tasks never reach the 64-task reclaim point); the cycle
    // through the blocked consumer's publish is in the snapshot too (CorrectRunStallSnapshotsTest).
    assertThat(r.message()).contains("the pool can never get entries back (capacity)");
    assertThat(r.finalSnapshot().orElseThrow().edges().orElseThrow())
        .contains(new io.ptosim.analysis.snapshot.Edge(TaskIds.of(2, 11), TaskIds.of(2, 15)));
  }

  @Test
  void pr482sPoolStallPrintsItsRingAndExitsWithoutAnErrorCode() {
    RunReport r = small2(RuntimeVersions.pr482(), RingConfig.defaults().withDepPool(16));

    assertThat(r.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(r.exitCode()).isZero();
    assertThat(r.message()).startsWith("FATAL: Dependency Pool Deadlock Detected! (ring ");
    assertThat(r.deviceLog()).anySatisfy(l -> assertThat(l).isEqualTo(
        "[ERROR] ensure_space: DepListPool cannot reclaim space after 100000 spins (no progress)."));
  }

  @Test
  void everyOutputIsPaddedTo1024BytesSoA2048ByteHeapFailsOnRing1() {
    // Upstream pa-CaseSmall2-heap2048: ring 1's first task asks 3 x 1,024 bytes, more than the heap.
    RunReport r = small2(RuntimeVersions.main(), RingConfig.defaults().withHeap(2048));

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.message()).isEqualTo("FATAL: Task Allocator Deadlock - Heap Exhausted! ring=1");
    assertThat(r.deviceLog()).contains(
        "[ERROR] report_deadlock: No reclaim progress for ~500 ms (25000000 cycles wall clock).",
        "[ERROR] report_deadlock:   Task ring 1: current=0, last_alive=0, active=0/16384 (0.0%)",
        "[ERROR] report_deadlock:   Heap ring 1: top=0, tail=0, size=2048, used=0, available=2048",
        "[ERROR] report_deadlock:   Requested:  3072 bytes",
        "[ERROR] report_deadlock:   Head task 0: state=0, consumers=0/0, scope_released=0");
  }

  @Test
  void heapOutcomesMatchTheCorpus() {
    assertThat(small2(RuntimeVersions.main(), RingConfig.defaults().withHeap(1024)).message()).endsWith("ring=1");
    assertThat(small2(RuntimeVersions.main(), RingConfig.defaults().withHeap(4096)).message())
        .isEqualTo("FATAL: Task Allocator Deadlock - Heap Exhausted! ring=2");
    for (long heap : new long[] {8192, 16384, 65536}) {
      assertThat(small2(RuntimeVersions.main(), RingConfig.defaults().withHeap(heap)).outcome()).as("heap %s", heap)
          .isEqualTo(Outcome.COMPLETED);
    }
  }

  @Test
  void aScopeDeadlockNamesItsRing() {
    RunReport r = small2(RuntimeVersions.main(), RingConfig.defaults().withWindow(4));

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.message()).isEqualTo("FATAL: Scope Deadlock Detected! (ring 2)");
    assertThat(small2(RuntimeVersions.main(), RingConfig.defaults().withWindow(8)).outcome()).isEqualTo(Outcome.COMPLETED);
  }

  private static Program nested(ScopeMode inner) {
    ProgramBuilder pb = ProgramBuilder.named("nested-in-manual");
    TensorArg x = TensorArg.output(0x1000_0000L, 256);
    pb.scope(ScopeMode.MANUAL);
    pb.submit("long", 0b001, 1, x);
    pb.scope(inner);
    pb.submit("short", 0b010, 1, TensorArg.input(x.base(), 0, 256), TensorArg.output(0x2000_0000L, 256));
    return pb.endScope().endScope().build();
  }

  private static RunReport run(Program p, RuntimeVersion v) {
    return Simulation.run(RunConfig.builder(p).runtime(v).policy("patient").publishMode(PublishMode.INCREMENTAL).build(), List.of());
  }

  @Test
  void pr482RefusesAScopeInsideAManualScopeMainJoinsItToTheRegion() {
    // (An AUTO scope inside a MANUAL one, which both refuse, is already rejected by the program validator.)
    RunReport pr482 = run(nested(ScopeMode.MANUAL), RuntimeVersions.pr482());
    assertThat(pr482.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(pr482.exitCode()).isEqualTo(5);
    assertThat(pr482.message()).startsWith("nested PTO2_SCOPE(PTO2ScopeMode::MANUAL) is not supported in v1");

    assertThat(pr482.deviceLog()).singleElement().asString().startsWith("[ERROR] pto2_scope_begin: nested PTO2_SCOPE");
    assertThat(run(nested(ScopeMode.MANUAL), RuntimeVersions.main()).outcome()).isEqualTo(Outcome.COMPLETED);
  }

  /**
   * Explicit edges into AUTO-scope tasks (the corpus's dummy_task and dep_gen chain examples): a long
   * producer A and a short B, then C reading A's output and naming A and B explicitly, then D with
   * no argument ordered after C by an explicit edge only (DummyExplicitDepBarrier's barrier).
   */
  private static Program explicitIntoAuto() {
    ProgramBuilder pb = ProgramBuilder.named("explicit-into-auto");
    TensorArg x = TensorArg.output(0x1000_0000L, 256);
    long a = pb.submit("long", 0b001, 1, x);
    long b = pb.submit("short", 0b010, 1, TensorArg.output(0x2000_0000L, 256));
    long c = pb.submit("short", 0b010, 1, TensorArg.input(x.base(), 0, 256), TensorArg.output(0x3000_0000L, 256));
    pb.addDependency(a, c).addDependency(b, c);
    long d = pb.submit("short", 0b010, 1);
    pb.addDependency(c, d);
    return pb.build();
  }

  private static RunReport traced(Program p, RuntimeVersion v, RingConfig rings, io.ptosim.des.trace.MemoryTrace trace) {
    return Simulation.run(RunConfig.builder(p).runtime(v).policy("patient").rings(rings).build(), List.of(trace));
  }

  @Test
  void mainTakesExplicitEdgesIntoAutoTasksWithTheSubmitDedupedWithTheTensorMapsProducers() {
    io.ptosim.des.trace.MemoryTrace trace = new io.ptosim.des.trace.MemoryTrace();
    RunReport r = traced(explicitIntoAuto(), RuntimeVersions.main(), RingConfig.defaults(), trace);

    assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
    // fanin = distinct producers + 1 (the publish barrier): C finds A twice (creator, explicit) and B once.
    assertThat(trace.events(io.ptosim.des.event.TraceEvent.Submit.class).stream()
        .map(io.ptosim.des.event.TraceEvent.Submit::faninTotal)).containsExactly(1, 1, 3, 2);
    long aDone = completedAt(trace, TaskIds.of(0, 0));
    long bDone = completedAt(trace, TaskIds.of(0, 1));
    long cDone = completedAt(trace, TaskIds.of(0, 2));
    assertThat(dispatchedAt(trace, TaskIds.of(0, 2))).isGreaterThanOrEqualTo(Math.max(aDone, bDone));
    assertThat(dispatchedAt(trace, TaskIds.of(0, 3))).isGreaterThanOrEqualTo(cDone);
  }

  @Test
  void theSnapshotShowsTheExplicitFaninEdgesOfAnAutoTask() {
    // A window of 4: the #277 pre-check refuses D (the outer scope holds 3 tasks); A-C and B-C are in the snapshot.
    RunReport r = Simulation.run(RunConfig.builder(explicitIntoAuto()).runtime(RuntimeVersions.main())
        .rings(RingConfig.defaults().withWindow(4)).build(), List.of());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.finalSnapshot().orElseThrow().edges().orElseThrow()).containsExactlyInAnyOrder(
        new io.ptosim.analysis.snapshot.Edge(TaskIds.of(0, 0), TaskIds.of(0, 2)),
        new io.ptosim.analysis.snapshot.Edge(TaskIds.of(0, 1), TaskIds.of(0, 2)));
  }

  @Test
  void pr482RefusesAnExplicitEdgeIntoAnAutoTaskWhenItIsStated() {
    io.ptosim.des.trace.MemoryTrace trace = new io.ptosim.des.trace.MemoryTrace();
    RunReport r = traced(explicitIntoAuto(), RuntimeVersions.pr482(), RingConfig.defaults(), trace);

    assertThat(r.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(r.exitCode()).isEqualTo(5);
    assertThat(r.message()).isEqualTo("pto2_rt_add_dependency is only valid inside PTO2_SCOPE(PTO2ScopeMode::MANUAL)");
    assertThat(r.deviceLog()).containsExactly(
        "[ERROR] pto2_add_dependency: pto2_rt_add_dependency is only valid inside PTO2_SCOPE(PTO2ScopeMode::MANUAL)");
    // C was submitted with its creator-retention producer only; the add_dependency after it is fatal.
    assertThat(trace.events(io.ptosim.des.event.TraceEvent.Submit.class).stream()
        .map(io.ptosim.des.event.TraceEvent.Submit::faninTotal)).containsExactly(1, 1, 2);
  }

  private static long completedAt(io.ptosim.des.trace.MemoryTrace trace, long task) {
    return trace.events(io.ptosim.des.event.TraceEvent.Complete.class).stream().filter(e -> e.task() == task)
        .findFirst().orElseThrow().atNs();
  }

  private static long dispatchedAt(io.ptosim.des.trace.MemoryTrace trace, long task) {
    return trace.events(io.ptosim.des.event.TraceEvent.Dispatch.class).stream().filter(e -> e.task() == task)
        .findFirst().orElseThrow().atNs();
  }

  /**
   * Upstream's tests/st heap_empty_ring_rebase (corpus run heap-empty-ring-rebase): two depth-1
   * scopes each create a 1 MiB buffer and read it, on a 1.5 MiB ring-1 heap. When the second
   * scope allocates, everything is retired and top = tail = 1 MiB: 512 KiB left at the end and
   * the front no larger than the request. Main rebases the empty ring to 0 (#1514); pr482 cannot.
   */
  private static Program twoScopesOfOneMebibyte() {
    ProgramBuilder pb = ProgramBuilder.named("heap-empty-ring-rebase");
    for (int i = 0; i < 2; i++) {
      long base = 0x1000_0000L * (i + 1);
      pb.scope(ScopeMode.AUTO);
      pb.submit("short", 0b001, 1, TensorArg.output(base, 1 << 20));
      pb.submit("short", 0b001, 1, TensorArg.input(base, 0, 1 << 20), TensorArg.inout(0x7000_0000L + 64L * i, 0, 64));
      pb.endScope();
    }
    return pb.build();
  }

  @Test
  void mainRebasesAnEmptyHeapRingPr482StallsOnIt() {
    RingConfig rings = RingConfig.defaults().withHeap(1, 1_572_864);
    RunReport main = Simulation.run(RunConfig.builder(twoScopesOfOneMebibyte()).runtime(RuntimeVersions.main())
        .rings(rings).build(), List.of());
    assertThat(main.outcome()).isEqualTo(Outcome.COMPLETED);

    RunReport pr482 = Simulation.run(RunConfig.builder(twoScopesOfOneMebibyte()).runtime(RuntimeVersions.pr482())
        .rings(rings).build(), List.of());
    assertThat(pr482.exitCode()).isEqualTo(2);
    assertThat(pr482.message()).isEqualTo("FATAL: Task Allocator Deadlock - Heap Exhausted!");
    assertThat(pr482.deviceLog()).contains(
        "[ERROR] report_deadlock:   Task ring:  current=2, last_alive=2, active=0/16384 (0.0%)",
        "[ERROR] report_deadlock:   Heap ring:  top=1048576, tail=1048576, size=1572864, available=1048576",
        "[ERROR] report_deadlock:   Requested:  1048576 bytes");
  }
}
