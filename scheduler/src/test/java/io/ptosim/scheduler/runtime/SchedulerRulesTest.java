package io.ptosim.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSet;
import io.ptosim.des.event.TraceEvent;
import io.ptosim.des.kernel.RunLimits;
import io.ptosim.des.kernel.RunResult;
import io.ptosim.des.kernel.SimKernel;
import io.ptosim.des.kernel.StopReason;
import io.ptosim.des.platform.PlatformProfile;
import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.des.trace.MemoryTrace;
import io.ptosim.des.trace.TraceRecorder;
import io.ptosim.scheduler.fault.Fault;
import io.ptosim.scheduler.policy.StallPolicies;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;
import io.ptosim.scheduler.version.RuntimeVersion;
import io.ptosim.scheduler.version.RuntimeVersions;
import io.ptosim.scheduler.version.sched.AdvanceRule;
import io.ptosim.scheduler.version.sched.IdleIterationLimit;
import io.ptosim.scheduler.version.sched.NoProgressBudget;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each scheduler rule of a runtime version, on a small program where it decides the outcome: the
 * exact dispatch order, the thread timeouts, and the advance try-lock.
 */
class SchedulerRulesTest {
  private static final int AIC = 0b001;
  private static final int AIV0 = 0b010;
  private static final int MIX = 0b011;

  /** One cluster, one scheduler thread, microsecond kernels: every dispatch is a rule's decision. */
  private static PlatformProfile oneCluster() {
    return PlatformProfiles.a2a3().with("clusters", 1).with("schedulerThreads", 1);
  }

  /** A run kept open: the runtime, its kernel, its trace. */
  private record Run(DeviceRuntime rt, SimKernel kernel, MemoryTrace trace) implements AutoCloseable {
    static Run start(Program program, RuntimeVersion version, PlatformProfile platform, String policy,
        ImmutableSet<Fault> faults, RingConfig rings) {
      MemoryTrace trace = new MemoryTrace();
      SimKernel kernel = new SimKernel();
      RuntimeSetup setup = new RuntimeSetup(program, version, platform, StallPolicies.byName(policy),
          PublishMode.INCREMENTAL, rings, faults, false);
      DeviceRuntime rt = DeviceRuntime.create(setup, kernel, new TraceRecorder(List.of(trace)));
      rt.start();
      return new Run(rt, kernel, trace);
    }

    static Run start(Program program, RuntimeVersion version, PlatformProfile platform) {
      return start(program, version, platform, "patient", ImmutableSet.of(), RingConfig.defaults());
    }

    RunResult runToEnd() {
      RunResult r = kernel.run(RunLimits.DEFAULT);
      while (r.reason() == StopReason.QUIESCENT && rt.resumeOnQuiescent()) {
        r = kernel.run(RunLimits.DEFAULT);
      }
      if (r.reason() == StopReason.QUIESCENT) {
        rt.onQuiescent();
      }
      return r;
    }

    List<Long> dispatchOrder() {
      return trace.events(TraceEvent.Dispatch.class).stream().filter(d -> d.block() == 0).map(TraceEvent.Dispatch::task)
          .toList();
    }

    @Override
    public void close() {
      kernel.close();
    }
  }

  private static long id(long local) {
    return TaskIds.of(0, (int) local);
  }

  /**
   * P (AIC) gates three AIV consumers C1, C2, C3 on one AIV core. P's completion makes them ready
   * in its fanout list's order (newest first: C3, C2, C1). pr482 keeps them in the thread's local
   * buffer and pops the newest first (C1), then moves C3, C2 to the shared FIFO; main has no local
   * buffer, so the shared FIFO gives C3, C2, C1.
   */
  private static Program fanOut() {
    ProgramBuilder pb = ProgramBuilder.named("fan-out");
    TensorArg out = TensorArg.output(1 << 20, 256);
    pb.submit("short", AIC, 1, out);
    for (int i = 0; i < 3; i++) {
      pb.submit("short", AIV0, 1, out.as(io.ptosim.scheduler.program.ArgDirection.INPUT),
          TensorArg.output((2L + i) << 20, 256));
    }
    return pb.build();
  }

  @Test
  void pr482PopsItsLocalReadyBufferLastInFirstOut() {
    try (Run run = Run.start(fanOut(), RuntimeVersions.pr482(), oneCluster().with("aivPerCluster", 1))) {
      run.runToEnd();
      assertThat(run.dispatchOrder()).containsExactly(id(0), id(1), id(3), id(2));
    }
  }

  @Test
  void mainTakesReadyTasksFromTheSharedQueueFirstInFirstOut() {
    try (Run run = Run.start(fanOut(), RuntimeVersions.main(), oneCluster().with("aivPerCluster", 1))) {
      run.runToEnd();
      assertThat(run.dispatchOrder()).containsExactly(id(0), id(3), id(2), id(1));
    }
  }

  /**
   * L (AIV0, long) runs; G (AIC) gates M (MIX: AIC + AIV0) and C (AIC). When G completes, M cannot
   * start: AIV0 is busy. pr482 goes on to AIC and starts C; main gives MIX strict priority (AIC/AIV
   * yield while a MIX task is queued), so M starts when L ends and C after M.
   */
  private static Program mixBehindLong() {
    ProgramBuilder pb = ProgramBuilder.named("mix-behind-long");
    pb.submit("long", AIV0, 1, TensorArg.output(1 << 20, 256));
    TensorArg g = TensorArg.output(2 << 20, 256);
    pb.submit("short", AIC, 1, g);
    TensorArg in = g.as(io.ptosim.scheduler.program.ArgDirection.INPUT);
    pb.submit("mix", MIX, 1, in, TensorArg.output(3 << 20, 256));
    pb.submit("short", AIC, 1, in, TensorArg.output(4 << 20, 256));
    return pb.build();
  }

  @Test
  void pr482DispatchesNarrowShapesWhileAMixTaskWaitsForAWholeCluster() {
    try (Run run = Run.start(mixBehindLong(), RuntimeVersions.pr482(), oneCluster())) {
      run.runToEnd();
      assertThat(run.dispatchOrder()).containsExactly(id(0), id(1), id(3), id(2));
    }
  }

  @Test
  void mainGivesQueuedMixStrictPriorityOverAicAndAiv() {
    try (Run run = Run.start(mixBehindLong(), RuntimeVersions.main(), oneCluster())) {
      run.runToEnd();
      assertThat(run.dispatchOrder()).containsExactly(id(0), id(1), id(2), id(3));
    }
  }

  /** A MIX task of AIC + AIV0 and an AIV task, both ready at once on one idle cluster. */
  private static Program mixBesideAiv() {
    ProgramBuilder pb = ProgramBuilder.named("mix-beside-aiv");
    TensorArg g = TensorArg.output(1 << 20, 256);
    pb.submit("short", AIC, 1, g);
    TensorArg in = g.as(io.ptosim.scheduler.program.ArgDirection.INPUT);
    pb.submit("mix", MIX, 1, in, TensorArg.output(2 << 20, 256));
    pb.submit("long", AIV0, 1, in, TensorArg.output(3 << 20, 256));
    return pb.build();
  }

  @Test
  void aMixBlockOccupiesOnlyItsMaskedCoresAndTheFreeAivCoreTakesAnAivTask() {
    for (RuntimeVersion v : RuntimeVersions.all()) {
      try (Run run = Run.start(mixBesideAiv(), v, oneCluster())) {
        run.runToEnd();
        List<TraceEvent.Dispatch> d = run.trace.events(TraceEvent.Dispatch.class);
        TraceEvent.Dispatch mix = d.stream().filter(e -> e.task() == id(1)).findFirst().orElseThrow();
        TraceEvent.Dispatch aiv = d.stream().filter(e -> e.task() == id(2)).findFirst().orElseThrow();
        // same iteration: MIX takes AIC + AIV0 of the idle cluster, the AIV task the remaining AIV1
        assertThat(aiv.atNs()).as(v.name()).isEqualTo(mix.atNs());
        assertThat(aiv.core().index()).as(v.name()).isEqualTo(1);
      }
    }
  }

  /** An AIV1-only mask is an AIV task: it runs on AIV0 when that core is idle (normalised at submit upstream). */
  @Test
  void anAiv1OnlyTaskRunsOnAiv0() {
    ProgramBuilder pb = ProgramBuilder.named("aiv1-only");
    pb.submit("short", 0b100, 1, TensorArg.output(1 << 20, 256));
    for (RuntimeVersion v : RuntimeVersions.all()) {
      try (Run run = Run.start(pb.build(), v, oneCluster())) {
        run.runToEnd();
        assertThat(run.trace.events(TraceEvent.Dispatch.class).get(0).core().index()).as(v.name()).isEqualTo(0);
      }
    }
  }

  /** The orchestrator blocks for good (window 4, one MANUAL scope of 4 tasks) under the patient policy. */
  private static Program blockedForever() {
    ProgramBuilder pb = ProgramBuilder.named("blocked-forever");
    pb.scope(ScopeMode.MANUAL);
    for (int i = 0; i < 4; i++) {
      pb.submit("short", AIC, 1, TensorArg.output((1L + i) << 20, 256));
    }
    return pb.endScope().build();
  }

  @Test
  void pr482ThreadLeavesItsLoopOnItsIdleIteration800001AndLatchesNoCode() {
    PlatformProfile p = oneCluster();
    try (Run run = Run.start(blockedForever(), RuntimeVersions.pr482(), p, "patient", ImmutableSet.of(),
        RingConfig.defaults().withWindow(4))) {
      RunResult first = run.kernel.run(new RunLimits(1_000_000, 1_000_000));
      assertThat(run.rt.orchestratorBlocked()).isTrue();
      SchedulerThread t = run.rt.threads[0];
      long idleSince = t.firstIdleNs();
      assertThat(idleSince).isGreaterThan(0);
      long due = idleSince + IdleIterationLimit.PR482_MAX_IDLE_ITERATIONS * p.idleLoopNs();
      assertThat(first.reason()).isEqualTo(StopReason.TIME_LIMIT);
      run.kernel.run(new RunLimits(1_000_000, due - 1));
      assertThat(run.trace.events(TraceEvent.SchedulerTimeout.class)).isEmpty();
      assertThat(t.idleIterationsAt(due - 1)).isEqualTo(800_000);

      run.runToEnd();
      List<TraceEvent.SchedulerTimeout> fired = run.trace.events(TraceEvent.SchedulerTimeout.class);
      assertThat(fired).hasSize(1);
      assertThat(fired.get(0).atNs()).isEqualTo(due);
      assertThat(fired.get(0).idleIterations()).isEqualTo(800_001);
      assertThat(fired.get(0).action()).isEqualTo("exit");
      assertThat(run.rt.schedulerLog()).containsExactly("Thread 0: PTO2 timeout after 800001 idle iterations");
      assertThat(run.rt.aborted()).isFalse();
      assertThat(t.exited()).isTrue();
    }
  }

  @Test
  void mainDoesNotTimeOutWhileTheOrchestratorIsBlocked() {
    try (Run run = Run.start(blockedForever(), RuntimeVersions.main(), oneCluster(), "patient", ImmutableSet.of(),
        RingConfig.defaults().withWindow(4))) {
      run.runToEnd();
      assertThat(run.trace.events(TraceEvent.SchedulerTimeout.class)).isEmpty();
      assertThat(run.rt.orchestratorBlocked()).isTrue();
      assertThat(run.rt.aborted()).isFalse();
    }
  }

  /** One block that runs 15 s, past main's 10 s no-progress budget: S1, code 100. */
  @Test
  void mainLatchesCode100WithSubClassS1WhenItsOwnBlockRunsPastTheBudget() {
    ProgramBuilder pb = ProgramBuilder.named("hung-core");
    pb.submit("long", AIC, 1, TensorArg.output(1 << 20, 256));
    PlatformProfile p = oneCluster().with("kernel.long", 15_000_000_000L);
    try (Run run = Run.start(pb.build(), RuntimeVersions.main(), p)) {
      run.runToEnd();
      assertThat(run.rt.aborted()).isTrue();
      assertThat(run.rt.abortCode()).isEqualTo(NoProgressBudget.SCHEDULER_TIMEOUT);
      TraceEvent.SchedulerTimeout fired = run.trace.events(TraceEvent.SchedulerTimeout.class).get(0);
      assertThat(fired.subClass()).isEqualTo("S1:running-stalled");
      long dispatchedAt = run.trace.events(TraceEvent.Dispatch.class).get(0).atNs();
      // the first idle iteration starting more than 10 s after the last progress
      assertThat(fired.atNs() - dispatchedAt).isBetween(NoProgressBudget.MAIN_BUDGET_NS,
          NoProgressBudget.MAIN_BUDGET_NS + 2 * p.idleLoopNs() + p.pollNs() + p.idleLoopNs());
      assertThat(run.rt.abortMessage()).isEqualTo("[STALL thread=0 idle_iterations=" + fired.idleIterations()
          + "] TIMEOUT_EXIT after_idle_iterations=" + fired.idleIterations()
          + " sub_class=S1:running-stalled completed=0/1 running=1 ready=0 waiting=0 orch_done=1"
          + " stuck_task_id=0 stuck_core=0");
      assertThat(run.rt.schedulerLog()).contains(
          "[SHUTDOWN_SNAPSHOT trigger_thread=0 reason=scheduler_timeout idle_iterations=" + fired.idleIterations()
              + "] dumping all scheduler threads before emergency shutdown",
          "[STALL thread=0 idle_iterations=" + fired.idleIterations() + "] TASK ring=0 task_id=0 state=RUNNING"
              + " fanin_refcount=1/1 kernels=[aic:long aiv0:-1 aiv1:-1] running_on=[owner_thread=0 cores=[core=0(AIC)]]",
          "[STALL thread=0 idle_iterations=" + fired.idleIterations() + "] CLUSTER cluster_id=0"
              + " aic=core0(busy kernel=long task=0 cond_reg_state=ack) aiv0=core1(idle) aiv1=core2(idle)");
    }
  }

  @Test
  void pr482NeverLatchesCode100() {
    ProgramBuilder pb = ProgramBuilder.named("hung-core");
    pb.submit("long", AIC, 1, TensorArg.output(1 << 20, 256));
    PlatformProfile p = oneCluster().with("kernel.long", 15_000_000_000L);
    try (Run run = Run.start(pb.build(), RuntimeVersions.pr482(), p)) {
      run.runToEnd();
      assertThat(run.rt.aborted()).isFalse();
      // its only thread left after 800,001 idle iterations (92 ms at 115 ns), so the block's end is never seen
      assertThat(run.trace.events(TraceEvent.SchedulerTimeout.class)).extracting(TraceEvent.SchedulerTimeout::action)
          .containsExactly("exit");
      assertThat(run.rt.tasksCompleted()).isZero();
    }
  }

  /**
   * The #1545 race: the lost-advance workload, where a thread makes the ring head CONSUMED while
   * another holds the advance lock. A loser that just returns (pr482's rule, which the lost-advance
   * fault selects on main) leaves last_alive behind the CONSUMED head and the orchestrator blocked;
   * main's loser sets the pending bit and the next idle scheduler iteration drains it, so the run
   * completes. (pr482's own dispatch order does not hit the race at this instant on this workload.)
   */
  @Test
  void theLoserThatReturnsLosesTheAdvanceThatMainDrainsOnItsNoProgressPath() {
    assertThat(RuntimeVersions.pr482().scheduler().advance()).isInstanceOf(AdvanceRule.LoserReturns.class);
    assertThat(RuntimeVersions.main().scheduler().advance()).isInstanceOf(AdvanceRule.PendingMask.class);
    Program race = io.ptosim.scheduler.workload.Workloads.byName("lost-advance")
        .program(io.ptosim.scheduler.workload.WorkloadParams.defaults().withWindow(64));
    PlatformProfile p = PlatformProfiles.a2a3();
    RingConfig rings = RingConfig.defaults().withWindow(64);
    try (Run main = Run.start(race, RuntimeVersions.main(), p, "patient", ImmutableSet.of(), rings);
        Run loser = Run.start(race, RuntimeVersions.main(), p, "patient", ImmutableSet.of(Fault.LOST_ADVANCE), rings)) {
      main.runToEnd();
      loser.runToEnd();
      assertThat(loser.rt.orchestratorBlocked()).isTrue();
      assertThat(main.rt.orchestratorFinished()).isTrue();
      assertThat(main.rt.tasksCompleted()).isEqualTo(main.rt.taskCount());
      // main drained the bit in an iteration of a scheduler thread, not at the lock's release
      Set<Integer> advancers = Set.copyOf(main.trace.events(TraceEvent.RingAdvance.class).stream()
          .filter(a -> a.ring() == 1).map(TraceEvent.RingAdvance::thread).toList());
      assertThat(advancers).allMatch(t -> t < p.schedulerThreads());
    }
  }

  /** Independent AIC tasks of the 5 ms scenario kernel: more tasks than one core can run at once. */
  private static Program independentAic(int n) {
    ProgramBuilder pb = ProgramBuilder.named("independent-aic");
    for (int i = 0; i < n; i++) {
      pb.submit("long", AIC, 1, TensorArg.output((1L + i) << 20, 256));
    }
    return pb.build();
  }

  private static List<TraceEvent.BlockDone> done(Run run) {
    return run.trace.events(TraceEvent.BlockDone.class);
  }

  /**
   * main's PENDING stage: while the AIC core runs task 0, the same pass pre-loads task 1 into the
   * core's pending slot, and the core starts it the moment task 0's kernel ends, so the two finishes
   * are one kernel apart. pr482 has one slot per core: task 1 is dispatched only once task 0's finish
   * is seen, and the core waits a dispatch latency (and the task switch) more.
   */
  @Test
  void mainPreloadsABusyCoresPendingSlotAndPr482WaitsForTheFinish() {
    assertThat(RuntimeVersions.main().scheduler().dispatch().pendingSlots()).isTrue();
    assertThat(RuntimeVersions.pr482().scheduler().dispatch().pendingSlots()).isFalse();
    PlatformProfile p = oneCluster();
    long kernel = p.kernelDurationNs("long");
    try (Run main = Run.start(independentAic(2), RuntimeVersions.main(), p);
        Run pr482 = Run.start(independentAic(2), RuntimeVersions.pr482(), p)) {
      main.runToEnd();
      pr482.runToEnd();
      List<TraceEvent.Dispatch> md = main.trace.events(TraceEvent.Dispatch.class);
      assertThat(md).hasSize(2);
      assertThat(md.get(1).atNs()).isLessThan(done(main).get(0).atNs());
      assertThat(md.get(1).core()).isEqualTo(md.get(0).core());
      assertThat(done(main).get(1).atNs() - done(main).get(0).atNs()).isEqualTo(kernel);
      List<TraceEvent.Dispatch> pd = pr482.trace.events(TraceEvent.Dispatch.class);
      assertThat(pd.get(1).atNs()).isGreaterThanOrEqualTo(done(pr482).get(0).atNs());
      assertThat(done(pr482).get(1).atNs() - done(pr482).get(0).atNs())
          .isGreaterThanOrEqualTo(kernel + p.dispatchNs() + p.taskSwitchNs() + p.finishNoticeNs());
    }
  }

  /**
   * The PENDING stage's gate (has_idle_in_other_threads): a thread does not pre-load a block while
   * another thread has an idle core of that shape, which will take it from the shared queue. Two
   * clusters on two threads; P's completion on cluster 0 readies two AIC consumers at once in
   * thread 0's iteration: the first takes cluster 0, the second is left for thread 1's idle cluster
   * 1 rather than pre-loaded behind the first.
   */
  @Test
  void noCorePreloadsWhileAPeerThreadHasAnIdleCoreOfTheShape() {
    ProgramBuilder pb = ProgramBuilder.named("two-consumers");
    TensorArg out = TensorArg.output(1 << 20, 256);
    pb.submit("short", AIC, 1, out);
    for (int i = 0; i < 2; i++) {
      pb.submit("long", AIC, 1, out.as(io.ptosim.scheduler.program.ArgDirection.INPUT),
          TensorArg.output((2L + i) << 20, 256));
    }
    PlatformProfile p = PlatformProfiles.a2a3().with("clusters", 2).with("schedulerThreads", 2);
    try (Run run = Run.start(pb.build(), RuntimeVersions.main(), p)) {
      run.runToEnd();
      List<TraceEvent.Dispatch> d = run.trace.events(TraceEvent.Dispatch.class);
      assertThat(d).extracting(TraceEvent.Dispatch::task).containsExactlyInAnyOrder(id(0), id(1), id(2));
      TraceEvent.Dispatch c1 = d.stream().filter(x -> x.task() == id(1)).findFirst().orElseThrow();
      TraceEvent.Dispatch c2 = d.stream().filter(x -> x.task() == id(2)).findFirst().orElseThrow();
      assertThat(c1.core()).isNotEqualTo(c2.core());
      assertThat(List.of(c1.thread(), c2.thread())).containsExactlyInAnyOrder(0, 1);
    }
  }

  /**
   * The gate opening later (review): P (short) and L (long, independent) take the two clusters; P's
   * completion readies three long consumers in thread 0's iteration, while thread 1's cluster runs L.
   * Thread 0 places one on its idle core and, with no idle AIC core left anywhere, pre-loads one;
   * the third must go to thread 1's free pending slot behind L. At enqueue time thread 1 was gated
   * (thread 0 still had an idle core), so it must be woken once that core is taken, as a spinning
   * upstream thread sees the queue within an idle loop: every consumer is dispatched before any
   * long kernel ends.
   */
  @Test
  void aPeerWhosePendingGateOpensAfterTheEnqueueIsWokenToPreload() {
    ProgramBuilder pb = ProgramBuilder.named("gate-opens-later");
    TensorArg out = TensorArg.output(1 << 20, 256);
    pb.submit("short", AIC, 1, out);
    pb.submit("long", AIC, 1, TensorArg.output(9L << 20, 256));
    for (int i = 0; i < 3; i++) {
      pb.submit("long", AIC, 1, out.as(io.ptosim.scheduler.program.ArgDirection.INPUT),
          TensorArg.output((2L + i) << 20, 256));
    }
    PlatformProfile p = PlatformProfiles.a2a3().with("clusters", 2).with("schedulerThreads", 2);
    try (Run run = Run.start(pb.build(), RuntimeVersions.main(), p)) {
      run.runToEnd();
      long lastConsumerDispatch = run.trace.events(TraceEvent.Dispatch.class).stream()
          .filter(d -> d.task() >= id(2)).mapToLong(TraceEvent.Dispatch::atNs).max().orElseThrow();
      long firstLongDone = done(run).stream().filter(b -> b.task() >= id(1)).mapToLong(TraceEvent.BlockDone::atNs)
          .min().orElseThrow();
      assertThat(run.trace.events(TraceEvent.Dispatch.class).stream().filter(d -> d.task() >= id(2)))
          .extracting(TraceEvent.Dispatch::thread).contains(0, 1);
      assertThat(lastConsumerDispatch).isLessThan(firstLongDone);
    }
  }

  /**
   * M is a MIX task (AIC + AIV0) whose AIC kernel (100 us) is shorter than its AIV kernel (1 ms); A
   * is an independent AIC task (50 us) submitted after it. One cluster, one thread. Each core of M
   * runs its own kernel and frees at its own finish notice (upstream on_subtask_complete per core;
   * 01d0723 aicpu_executor.cpp check_running_cores_for_completion, 6ebaf77 scheduler_completion.cpp):
   * pr482 dispatches A onto the AIC core the moment M's AIC subtask is seen done; main pre-loads A
   * into the pending slot of the AIC core running M's subtask (get_pending_core_offset_states asks
   * only for a running core with a free pending slot), so A computes from the instant M's AIC kernel
   * ends. Either way A completes before M's block does.
   */
  private static Program mixWithShortAic() {
    ProgramBuilder pb = ProgramBuilder.named("mix-short-aic");
    pb.submitPerCore("mix", MIX, 1, List.of("k_aic", "k_aiv", ""), TensorArg.output(1 << 20, 256));
    pb.submit("k_a", AIC, 1, TensorArg.output(2 << 20, 256));
    return pb.build();
  }

  private static PlatformProfile mixKernels() {
    return oneCluster().with("kernel.k_aic", 100_000).with("kernel.k_aiv", 1_000_000).with("kernel.k_a", 50_000);
  }

  @Test
  void pr482StartsAQueuedAicTaskOnTheAicCoreAMixBlockFreedBeforeTheBlockCompletes() {
    PlatformProfile p = mixKernels();
    try (Run run = Run.start(mixWithShortAic(), RuntimeVersions.pr482(), p)) {
      run.runToEnd();
      assertThat(run.rt.tasksCompleted()).isEqualTo(2);
      TraceEvent.Dispatch m = dispatchOf(run, id(0));
      TraceEvent.Dispatch a = dispatchOf(run, id(1));
      long issue = m.atNs() + p.idleLoopNs();
      long aicEnd = issue + p.dispatchNs() + 100_000;
      long aivEnd = issue + p.dispatchNs() + 1_000_000;
      List<TraceEvent.SubtaskDone> sub = run.trace.events(TraceEvent.SubtaskDone.class);
      assertThat(sub).extracting(TraceEvent.SubtaskDone::atNs, e -> e.core().toString())
          .containsExactly(org.assertj.core.groups.Tuple.tuple(aicEnd + p.finishNoticeNs(), "AIC0"),
              org.assertj.core.groups.Tuple.tuple(aivEnd + p.finishNoticeNs(), "AIV0"));
      // A goes to the freed AIC core in the iteration that saw M's AIC subtask done
      assertThat(a.atNs()).isEqualTo(aicEnd + p.finishNoticeNs());
      assertThat(a.core().toString()).isEqualTo("AIC0");
      long aDone = a.atNs() + p.idleLoopNs() + p.pollNs() + p.dispatchNs() + p.taskSwitchNs() + 50_000 + p.finishNoticeNs();
      assertThat(blockDone(run, id(1)).atNs()).isEqualTo(aDone);
      // M's block is done with its last core, named by its first core
      assertThat(blockDone(run, id(0)).atNs()).isEqualTo(aivEnd + p.finishNoticeNs());
      assertThat(blockDone(run, id(0)).core().toString()).isEqualTo("AIC0");
      assertThat(aDone).isLessThan(aivEnd);
    }
  }

  @Test
  void mainPreloadsAnAicTaskBehindAMixBlocksShortAicSubtask() {
    PlatformProfile p = mixKernels();
    try (Run run = Run.start(mixWithShortAic(), RuntimeVersions.main(), p)) {
      run.runToEnd();
      assertThat(run.rt.tasksCompleted()).isEqualTo(2);
      TraceEvent.Dispatch m = dispatchOf(run, id(0));
      TraceEvent.Dispatch a = dispatchOf(run, id(1));
      long issue = m.atNs() + p.idleLoopNs();
      long aicEnd = issue + p.dispatchNs() + 100_000;
      long aivEnd = issue + p.dispatchNs() + 1_000_000;
      // pre-loaded on the AIC core while M's AIC subtask runs: dispatched before that subtask's end
      assertThat(a.core().toString()).isEqualTo("AIC0");
      assertThat(a.atNs()).isLessThan(aicEnd);
      List<TraceEvent.SubtaskDone> sub = run.trace.events(TraceEvent.SubtaskDone.class);
      assertThat(sub).extracting(TraceEvent.SubtaskDone::atNs)
          .containsExactly(aicEnd + p.finishNoticeNs(), aivEnd + p.finishNoticeNs());
      // A computes from the instant M's AIC kernel ends
      assertThat(blockDone(run, id(1)).atNs()).isEqualTo(aicEnd + 50_000 + p.finishNoticeNs());
      assertThat(blockDone(run, id(0)).atNs()).isEqualTo(aivEnd + p.finishNoticeNs());
    }
  }

  /** Without per-core kernels every core of a MIX block runs the task's kernel: all free at one instant. */
  @Test
  void aMixBlockWithOneKernelFreesAllItsCoresAtOnce() {
    ProgramBuilder pb = ProgramBuilder.named("mix-one-kernel");
    pb.submit("mix", 0b111, 1, TensorArg.output(1 << 20, 256));
    for (RuntimeVersion v : RuntimeVersions.all()) {
      try (Run run = Run.start(pb.build(), v, oneCluster())) {
        run.runToEnd();
        List<TraceEvent.SubtaskDone> sub = run.trace.events(TraceEvent.SubtaskDone.class);
        assertThat(sub).as(v.name()).extracting(e -> e.core().toString()).containsExactly("AIC0", "AIV0", "AIV1");
        assertThat(sub).as(v.name()).extracting(TraceEvent.SubtaskDone::atNs).containsOnly(blockDone(run, id(0)).atNs());
        assertThat(run.trace.events(TraceEvent.BlockDone.class)).as(v.name()).hasSize(1);
      }
    }
  }

  /**
   * main's MIX-PENDING placement: X (AIC, 1 ms) runs; G (AIV, short) gates M (MIX AIC + AIV0). When G
   * completes, M's AIC core is busy, so the IDLE stage cannot place it; the PENDING stage (scheduler
   * run_staging_order MIX-PENDING, classify_mix_cluster PENDING) puts M's AIV0 subtask into the idle
   * AIV0 core's running slot and its AIC subtask into the busy AIC core's pending slot, which starts
   * it the instant X's kernel ends. pr482 has no pending slot and waits for the whole cluster.
   */
  private static Program mixBehindBusyAic() {
    ProgramBuilder pb = ProgramBuilder.named("mix-behind-busy-aic");
    pb.submit("k_x", AIC, 1, TensorArg.output(1 << 20, 256));
    TensorArg g = TensorArg.output(2 << 20, 256);
    pb.submit("short", AIV0, 1, g);
    pb.submitPerCore("mix", MIX, 1, List.of("k_aic", "short", ""), g.as(io.ptosim.scheduler.program.ArgDirection.INPUT),
        TensorArg.output(3 << 20, 256));
    return pb.build();
  }

  @Test
  void mainPlacesAMixBlockOnABusyCoresPendingSlotAndItsIdleCoreAtOnce() {
    PlatformProfile p = mixKernels().with("kernel.k_x", 1_000_000);
    try (Run main = Run.start(mixBehindBusyAic(), RuntimeVersions.main(), p);
        Run pr482 = Run.start(mixBehindBusyAic(), RuntimeVersions.pr482(), p)) {
      main.runToEnd();
      pr482.runToEnd();
      assertThat(main.rt.tasksCompleted()).isEqualTo(3);
      long xDone = blockDone(main, id(0)).atNs();
      TraceEvent.Dispatch m = dispatchOf(main, id(2));
      assertThat(m.atNs()).isEqualTo(blockDone(main, id(1)).atNs()).isLessThan(xDone);
      List<TraceEvent.SubtaskDone> sub = main.trace.events(TraceEvent.SubtaskDone.class);
      assertThat(sub).extracting(e -> e.core().toString()).containsExactly("AIV0", "AIC0");
      // AIV0 computed at once; AIC from the instant X's kernel ended (X's notice is a finish latency later)
      assertThat(sub.get(0).atNs()).isLessThan(xDone);
      assertThat(sub.get(1).atNs()).isEqualTo(xDone + 100_000);
      assertThat(blockDone(main, id(2)).atNs()).isEqualTo(xDone + 100_000);
      // pr482: M needs the whole cluster idle, so it goes only after X's finish is seen
      assertThat(dispatchOf(pr482, id(2)).atNs()).isGreaterThanOrEqualTo(blockDone(pr482, id(0)).atNs());
    }
  }

  private static TraceEvent.Dispatch dispatchOf(Run run, long task) {
    return run.trace.events(TraceEvent.Dispatch.class).stream().filter(d -> d.task() == task).findFirst().orElseThrow();
  }

  private static TraceEvent.BlockDone blockDone(Run run, long task) {
    return run.trace.events(TraceEvent.BlockDone.class).stream().filter(d -> d.task() == task).findFirst().orElseThrow();
  }
}
