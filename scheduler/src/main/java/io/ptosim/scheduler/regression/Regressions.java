package io.ptosim.scheduler.regression;

import com.google.common.base.Joiner;
import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import io.ptosim.des.platform.PlatformProfile;
import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.scheduler.fault.Fault;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramException;
import io.ptosim.scheduler.program.ProgramJson;
import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.run.RunReport;
import io.ptosim.scheduler.runtime.PublishMode;
import io.ptosim.scheduler.runtime.RingConfig;
import io.ptosim.scheduler.version.RuntimeVersions;
import io.ptosim.scheduler.workload.PagedAttention;
import io.ptosim.scheduler.workload.PagedAttentionCase;
import io.ptosim.scheduler.workload.WorkloadParams;
import io.ptosim.scheduler.workload.Workloads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The regression catalogue, by id. Every run arises from the modelled mechanism with the named bug
 * switches on; nothing is scripted. The figures behind each choice (case, window, platform) are in
 * docs/regressions.md.
 */
public final class Regressions {

  private static final String RING_FULL = "Task Ring Full";
  /** The holder task of #1468's repro: 1.3 s. */
  private static final long HOLDER_NS = 1_300_000_000L;
  /** Upstream's allocator backstop: 500 ms without last_alive progress. */
  private static final long BACKSTOP_NS = 500_000_000L;
  /** A structural abort comes within one check interval of the stall, far below the backstop. */
  private static final long STRUCTURAL_WITHIN_NS = 10_000_000L;

  private Regressions() {}

  private static final ImmutableSortedMap<String, java.util.function.Supplier<Regression>> CATALOGUE =
      ImmutableSortedMap.of(
          "issue-277", Regressions::issue277,
          "issue-495", Regressions::issue495,
          "issue-1086", Regressions::issue1086,
          "issue-1468", Regressions::issue1468,
          "issue-1545", Regressions::issue1545,
          "issue-1610", Regressions::issue1610,
          "issue-2260", Regressions::issue2260,
          "issue-959", Regressions::issue959,
          "pypto-lib-122", Regressions::pyptoLib122);

  public static ImmutableSet<String> ids() {
    return CATALOGUE.keySet();
  }

  /** The regression called {@code id}; the exception lists the known ids. */
  public static Regression byId(String id) {
    Preconditions.checkNotNull(id, "id");
    var r = CATALOGUE.get(id);
    if (r == null) {
      throw new IllegalArgumentException("unknown regression '" + id + "' (known: " + Joiner.on(", ").join(ids()) + ")");
    }
    return r.get();
  }

  private static RunConfig.Builder base(Program program, PlatformProfile platform, long window, PublishMode publish) {
    return RunConfig.builder(program).platform(platform).window(window).publishMode(publish);
  }

  /** The policy name that means "the runtime version's own detector". */
  private static final String OWN = "";

  private static RegressionRun run(String label, RunConfig.Builder b, String policy, Expectation e, Fault... faults) {
    RunConfig.Builder c = b.build().toBuilder().policy(policy).faults(ImmutableSet.copyOf(faults));
    return new RegressionRun(label, c.build(), e);
  }

  /**
   * #277 at its real configurations: the pre-check fails the submit of a scope that already holds
   * {@code window - 1} tasks of its ring, with code 1 and no spinning. Seed era: the partial-manual
   * MidB16C8192 run at window 256 ({@code 01d07_pm_st_MidB16C8192_win256}: "Scope Deadlock Detected!
   * (ring 2)", its 257-task MANUAL scope on ring 2) and the same run at 512, which completes. main:
   * manual-scope CaseSmall2 ({@code pa-manual-CaseSmall2-w16}: one 33-task MANUAL scope on ring 1)
   * and the same case at the default window, which completes.
   */
  static Regression issue277() {
    // 01d0723's partial-manual graph (--mode partial-manual), the one the seed-era runs ran
    Program mid = PagedAttention.program(PagedAttentionCase.byName("MidB16C8192"), WorkloadParams.Mode.PARTIAL_MANUAL);
    RunConfig.Builder seed = base(mid, PlatformProfiles.a2a3sim(), 256, PublishMode.DEFERRED)
        .runtime(RuntimeVersions.pr482());
    RunConfig.Builder seedFits = seed.build().toBuilder().window(512);
    Program small = Workloads.byName("paged-attention")
        .program(WorkloadParams.defaults().withCase("CaseSmall2").withMode(WorkloadParams.Mode.MANUAL));
    RunConfig.Builder main = base(small, PlatformProfiles.a2a3sim(), 16, PublishMode.INCREMENTAL);
    RunConfig.Builder mainFits = main.build().toBuilder().window(RingConfig.DEFAULT_WINDOW);
    return new Regression("issue-277", "simpler#277", RuntimeVersions.PR482,
        "a scope holding window-1 tasks deadlocks the allocator",
        "Real runs, a2a3sim. Seed era (pr482): partial-manual paged attention MidB16C8192 (16 MANUAL scopes of 257"
            + " tasks on ring 2) at PTO2_RING_TASK_WINDOW=256 fails the pre-check like 01d07_pm_st_MidB16C8192_win256,"
            + " and completes at 512 like 01d07_pm_st_MidB16C8192_win512. main-6ebaf77: manual-scope CaseSmall2 (one"
            + " 33-task MANUAL scope on ring 1) at window 16 fails it like pa-manual-CaseSmall2-w16, and completes at"
            + " the default window like pa-manual-CaseSmall2-default. The scope's tasks keep their scope reference"
            + " until scope_end, which the blocked orchestrator never reaches: a true cycle, the checker's witness.",
        "a true cycle; the pre-check reports it at once (Scope Deadlock Detected, code 1) instead of spinning",
        ImmutableList.of(
            run("pr482 MidB16C8192 pm, window 256, own", seed, OWN,
                Expectation.outcome(Outcome.ABORTED).message("Scope Deadlock Detected! (ring 2)").code(1).stalls(0)),
            run("pr482 window 256, checker", seed, "checker",
                Expectation.outcome(Outcome.ABORTED).verdict("REAL_DEADLOCK").everyStall("REAL_DEADLOCK").stalls(1)),
            run("pr482 window 256, patient (ground truth)", seed, "patient",
                Expectation.outcome(Outcome.QUIESCENT_BLOCKED).code(RunReport.QUIESCENT_CODE)),
            run("pr482 window 512, own detector", seedFits, OWN, Expectation.outcome(Outcome.COMPLETED)),
            run("pr482 window 512, checker", seedFits, "checker",
                Expectation.outcome(Outcome.COMPLETED).everyStall("UNRETIRED_PROGRESS")),
            run("main CaseSmall2 manual, window 16, own", main, OWN,
                Expectation.outcome(Outcome.ABORTED).message("Scope Deadlock Detected! (ring 1)").code(1).stalls(0)),
            run("main window 16, checker", main, "checker", Expectation.outcome(Outcome.ABORTED).verdict("REAL_DEADLOCK")),
            run("main default window, own detector", mainFits, OWN, Expectation.outcome(Outcome.COMPLETED))));
  }

  /**
   * #495, as upstream found it: PR #482's partial-manual paged attention, Case1 at default rings, on
   * a2a3sim, under the seed's runtime ({@code pr482}). The reporter's abort came from a broken rebase
   * (bugs 1 and 2); redone carefully, the run completes (the seed-era runs: 65,792/65,792 twice at
   * 01d0723, once at e4ff0b4). The spin heuristic alone aborts only under a platform timing no real
   * run had: that run is a what-if.
   */
  static Regression issue495() {
    // The seed snapshot's graph (the hidden alloc owner first in each MANUAL scope), which bug 1 acts on.
    Program p = PagedAttention.program(PagedAttentionCase.byName("Case1"), true);
    RunConfig.Builder b = base(p, PlatformProfiles.a2a3sim(), RingConfig.DEFAULT_WINDOW, PublishMode.DEFERRED)
        .runtime(RuntimeVersions.pr482());
    long hardwareSpinNs = PlatformProfiles.a2a3().spinNs();
    PlatformProfile fastSpin = PlatformProfiles.a2a3sim().with("spinNs", hardwareSpinNs);
    String whatIf = "a2a3sim kernels (milliseconds) with the hardware's " + hardwareSpinNs + " ns allocator spin instead of the"
        + " host's pause + sched_yield: 100,000 spins = " + (100_000 * hardwareSpinNs / 1_000) + " us, shorter than a"
        + " published MANUAL scope takes to drain. No real run had this timing.";
    String pr482 = RuntimeVersions.pr482().defaultPolicy();
    return new Regression("issue-495", "simpler#495", RuntimeVersions.PR482,
        "partial-manual Case1: a broken rebase, not a false Task Ring Full",
        "PR #482 partial-manual paged attention Case1, default rings, a2a3sim, runtime pr482. The reporter's"
            + " Task Ring Full came from a broken rebase: bug 1 = hidden alloc_tensors published from the manual"
            + " path, bug 2 = ready path without PENDING->READY; the checker names the broken rule. Rebased"
            + " carefully the run completes, as the reporter found (issue closed by its author). The spin"
            + " heuristic alone aborts only in a what-if timing.",
        "closed by its author: the failure came from a broken rebase; rebased carefully, the problem did not happen",
        ImmutableList.of(
            run("broken rebase (bugs 1+2), checker", b, "checker", Expectation.outcome(Outcome.ABORTED).verdict("INVARIANT_VIOLATION"),
                Fault.PUBLISH_HIDDEN_ALLOC, Fault.READY_WITHOUT_TRANSITION),
            run("bug 1 only, checker", b, "checker", Expectation.outcome(Outcome.ABORTED).verdict("INVARIANT_VIOLATION"),
                Fault.PUBLISH_HIDDEN_ALLOC),
            run("bug 2 only, checker", b, "checker", Expectation.outcome(Outcome.ABORTED).verdict("INVARIANT_VIOLATION"),
                Fault.READY_WITHOUT_TRANSITION),
            run("rebased right, pr482's detector", b, pr482, Expectation.outcome(Outcome.COMPLETED)),
            run("rebased right, checker", b, "checker", Expectation.outcome(Outcome.COMPLETED).everyStall("UNRETIRED_PROGRESS")),
            run("rebased right, patient", b, "patient", Expectation.outcome(Outcome.COMPLETED)),
            whatIf(run("what-if: 10 ns spin, pr482's detector", b.build().toBuilder().platform(fastSpin), pr482,
                Expectation.outcome(Outcome.ABORTED).message(RING_FULL)), whatIf)));
  }

  private static RegressionRun whatIf(RegressionRun run, String timing) {
    return new RegressionRun(run.label(), run.config(), run.expected(), java.util.Optional.of(timing));
  }

  /**
   * #1086: manual-scope Case1 on a2a3 hardware aborted intermittently with Task Ring Full after
   * 100,000 spins (current 17,740, last_alive 1,357); the fix doubled the case's window to 32,768.
   * The thread's runtime (June 2026 main) is main-6ebaf77's manual scope with the 100,000-spin
   * heuristic, i.e. main-6ebaf77 under {@code legacy}. In the model that configuration completes at
   * both windows without a single stall (docs/regressions.md says why), so the abort itself is shown
   * by the CaseSmall2 analogue on the what-if timing a2a3sim-fastspin.
   */
  static Regression issue1086() {
    Program case1 = Workloads.byName("paged-attention")
        .program(WorkloadParams.defaults().withCase("Case1").withMode(WorkloadParams.Mode.MANUAL));
    RunConfig.Builder thread = base(case1, PlatformProfiles.a2a3(), RingConfig.DEFAULT_WINDOW, PublishMode.INCREMENTAL);
    RunConfig.Builder doubled = thread.build().toBuilder().window(2 * RingConfig.DEFAULT_WINDOW);
    Program p = Workloads.byName("paged-attention").program(WorkloadParams.defaults().withCase("CaseSmall2"));
    RunConfig.Builder small = base(p, PlatformProfiles.a2a3simFastSpin(), 16, PublishMode.INCREMENTAL).runtime(RuntimeVersions.pr482());
    RunConfig.Builder large = base(p, PlatformProfiles.a2a3simFastSpin(), 64, PublishMode.INCREMENTAL).runtime(RuntimeVersions.pr482());
    String whatIf = "a2a3sim-fastspin: kernels of 1-2 ms with a 10 ns allocator spin, so 100,000 spins last 1 ms, less"
        + " than the head takes to retire. No real run had this timing.";
    return new Regression("issue-1086", "simpler#1086", RuntimeVersions.MAIN,
        "manual-scope Case1 aborts Task Ring Full on a2a3; the window is doubled",
        "The thread's configuration: manual-scope paged attention Case1 (256 MANUAL scopes of 257 tasks, ring 1) on"
            + " a2a3, main-6ebaf77's manual scope under the 100,000-spin heuristic (legacy), windows 16,384 and 32,768:"
            + " in the model both complete with no stall, because the modelled device retires tasks faster than the"
            + " orchestrator submits them (peak window fill 418 of ring 1, where the thread's log shows 16,383). The abort is shown by an analogue: CaseSmall2 AUTO"
            + " on pr482 with a window of 16 on a2a3sim-fastspin (what-if), where the head retires only after"
            + " milliseconds of kernels, longer than the spin budget.",
        "a mitigation: the case's task window was doubled to 32768, so the ring no longer fills before retirement catches up",
        ImmutableList.of(
            run("thread's config: main + legacy, window 16384", thread, "legacy",
                Expectation.outcome(Outcome.COMPLETED).stalls(0)),
            run("thread's fix: window 32768", doubled, "legacy", Expectation.outcome(Outcome.COMPLETED).stalls(0)),
            whatIf(run("analogue: pr482 detector, window 16", small, OWN,
                Expectation.outcome(Outcome.ABORTED).message(RING_FULL).code(3)), whatIf),
            whatIf(run("analogue: pr482 detector, window 64", large, OWN, Expectation.outcome(Outcome.COMPLETED)), whatIf),
            whatIf(run("analogue: patient, window 16", small, "patient", Expectation.outcome(Outcome.COMPLETED)), whatIf),
            whatIf(run("analogue: checker, window 16", small, "checker",
                Expectation.outcome(Outcome.COMPLETED).everyStall("UNRETIRED_PROGRESS")), whatIf)));
  }

  /**
   * #1468: a 1.3 s holder task keeps the ring head; main's 500 ms backstop fires although the
   * head would retire, as the thread's repro did.
   */
  static Regression issue1468() {
    long window = 64;
    Program p = Workloads.byName("slow-head").program(WorkloadParams.defaults().withWindow((int) window));
    PlatformProfile holder = PlatformProfiles.a2a3().with("kernel.long", HOLDER_NS);
    RunConfig.Builder b = base(p, holder, window, PublishMode.INCREMENTAL);
    return new Regression("issue-1468", "simpler#1468", RuntimeVersions.MAIN,
        "the 500 ms backstop fires on a 1.3 s task holding the ring head",
        "slow-head on a2a3 with the head kernel set to 1.3 s (the thread's holder): short tasks fill the window"
            + " behind it and the orchestrator waits for the head.",
        "not a bug: expected backstop behaviour on a slow but progressing op, not a structural deadlock",
        ImmutableList.of(
            run("main-6ebaf77, own detector (500 ms backstop)", b, OWN, Expectation.outcome(Outcome.ABORTED).message(RING_FULL)),
            run("patient (ground truth)", b, "patient", Expectation.outcome(Outcome.COMPLETED)),
            run("checker", b, "checker", Expectation.outcome(Outcome.COMPLETED).everyStall("UNRETIRED_PROGRESS"))));
  }

  /** The program of {@code issue-1545}, a resource next to this class. */
  private static final String LOST_ADVANCE_PROGRAM = "issue-1545-lost-advance.json";

  /**
   * #1545 on pr482, whose advance is the seed runtime's (the try-lock loser returns). The program is
   * explore's program 1865 of seed 1 under pr482, shrunk to 15 tasks, where the race arises from
   * pr482's own rules at the end of the run, plus one depth-2 scope of 3 tasks after it so that the
   * orchestrator needs ring 2 again. No fault is switched on.
   */
  static Regression issue1545() {
    Program p = resourceProgram(LOST_ADVANCE_PROGRAM);
    long window = 8;
    RunConfig.Builder seed = base(p, PlatformProfiles.a2a3(), window, PublishMode.INCREMENTAL)
        .runtime(RuntimeVersions.pr482());
    RunConfig.Builder fixed = seed.build().toBuilder().runtime(RuntimeVersions.main());
    return new Regression("issue-1545", "simpler#1545", RuntimeVersions.PR482,
        "CONSUMED ring head never advanced (lost wake-up)",
        "An 18-task generated program on pr482, a2a3, window 8 (explore --seed 1 --runtime pr482, program 1865, shrunk,"
            + " plus a depth-2 scope of 3 tasks): two scheduler threads make ring-2 tasks CONSUMED within the advance"
            + " lock's hold time, the loser of the try-lock returns (pr482's own advance rule, no fault), and nobody"
            + " advances last_alive past the CONSUMED head; the last scope then waits for ring 2 forever.",
        "a real liveness bug; fixed by #1586: a per-ring pending bit, retried from the scheduler's no-progress path",
        ImmutableList.of(
            run("pr482, patient", seed, "patient",
                Expectation.outcome(Outcome.QUIESCENT_BLOCKED).code(RunReport.QUIESCENT_CODE).stalls(2)),
            run("pr482, checker", seed, "checker", Expectation.outcome(Outcome.ABORTED).verdict("LOST_WAKEUP")
                .message("is CONSUMED but last_alive was never advanced past it").code(3).stalls(2)),
            run("main-6ebaf77 (#1586 pending bit), patient", fixed, "patient",
                Expectation.outcome(Outcome.COMPLETED).stalls(2)),
            run("main-6ebaf77, checker", fixed, "checker",
                Expectation.outcome(Outcome.COMPLETED).everyStall("UNRETIRED_PROGRESS"))));
  }

  private static Program resourceProgram(String name) {
    try (var in = Regressions.class.getResourceAsStream(name)) {
      Preconditions.checkState(in != null, "missing resource %s", name);
      return ProgramJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(name, e);
    } catch (ProgramException e) {
      throw new IllegalStateException(name + ": " + e.getMessage(), e);
    }
  }

  /**
   * #1610 on main: a head owned by an open scope of the blocked orchestrator is a proven cycle and
   * aborts at once with the structural message; a head in a closed scope keeps the orchestrator
   * waiting until the 500 ms backstop.
   */
  static Regression issue1610() {
    long window = 64;
    Program pinned = Workloads.byName("pinned-head").program(WorkloadParams.defaults().withWindow((int) window));
    Program slow = Workloads.byName("slow-head").program(WorkloadParams.defaults().withWindow((int) window));
    RunConfig.Builder cycle = base(pinned, PlatformProfiles.a2a3(), window, PublishMode.INCREMENTAL);
    RunConfig.Builder holder = base(slow, PlatformProfiles.a2a3().with("kernel.long", HOLDER_NS), window, PublishMode.INCREMENTAL);
    return new Regression("issue-1610", "simpler#1610", RuntimeVersions.MAIN,
        "structural deadlock detection made scope-aware",
        "pinned-head: the depth-3 scope that owns the ring-3 head is still open while the orchestrator blocks in a"
            + " nested scope; slow-head with a 1.3 s head kernel: the head's scope has ended, the head is only slow.",
        "immediate fatal only for a cycle that the blocked orchestrator itself makes impossible to break; every other"
            + " no-progress state is left to the 500 ms timeout",
        ImmutableList.of(
            run("head in an open scope: structural abort", cycle, OWN,
                Expectation.outcome(Outcome.ABORTED).message(RING_FULL).atMostNs(STRUCTURAL_WITHIN_NS)),
            run("head in an open scope, checker", cycle, "checker", Expectation.outcome(Outcome.ABORTED).verdict("REAL_DEADLOCK")),
            run("head in a closed scope: waits for the backstop", holder, OWN,
                Expectation.outcome(Outcome.ABORTED).message(RING_FULL).atLeastNs(BACKSTOP_NS)),
            run("head in a closed scope, checker", holder, "checker",
                Expectation.outcome(Outcome.COMPLETED).everyStall("UNRETIRED_PROGRESS"))));
  }

  /**
   * #959: a dependency-pool stall. On main the pool is reclaimed only once last_alive has moved 64
   * past the last reclaim, so CaseSmall2 AUTO (33 tasks) with a pool smaller than its live fanin
   * can never get entries back: a capacity deadlock, code 4, as upstream's own runs show.
   */
  static Regression issue959() {
    Program p = Workloads.byName("paged-attention").program(WorkloadParams.defaults().withCase("CaseSmall2"));
    RunConfig.Builder small = base(p, PlatformProfiles.a2a3sim(), RingConfig.DEFAULT_WINDOW, PublishMode.INCREMENTAL).depPool(16);
    RunConfig.Builder enough = base(p, PlatformProfiles.a2a3sim(), RingConfig.DEFAULT_WINDOW, PublishMode.INCREMENTAL).depPool(64);
    return new Regression("issue-959", "simpler#959", RuntimeVersions.MAIN,
        "the dependency-list pool runs dry and the orchestrator waits for entries",
        "CaseSmall2 AUTO paged attention on a2a3sim with PTO2_RING_DEP_POOL=16 (upstream's run pa-CaseSmall2-dep16"
            + " aborts with code 4) and 64 (completes).",
        "the wiring-queue deadlock no longer reproduces on main: wiring moved to the orchestrator, whose ensure_space"
            + " detects a wedged reclaim watermark and latches DEP_POOL_OVERFLOW",
        ImmutableList.of(
            run("main-6ebaf77, dep pool 16", small, OWN, Expectation.outcome(Outcome.ABORTED).code(4)),
            run("dep pool 16, checker", small, "checker", Expectation.outcome(Outcome.ABORTED).verdict("REAL_DEADLOCK")),
            run("main-6ebaf77, dep pool 64", enough, OWN, Expectation.outcome(Outcome.COMPLETED))));
  }

  /**
   * #2260: a deferred-completion task was dispatched and ran, but its completion was never recorded;
   * it stays READY-claimed on an idle device with an empty ready queue. With the window holding the
   * program the orchestrator finishes and main's scheduler timeout latches S3:ready-but-all-idle
   * (code 100), as on the thread's dies; with a window the consumers fill, the orchestrator blocks
   * behind it and the checker names the lost completion.
   */
  static Regression issue2260() {
    Program p = Workloads.byName("defer-wait").program(WorkloadParams.defaults());
    RunConfig.Builder device = base(p, PlatformProfiles.a2a3(), RingConfig.DEFAULT_WINDOW, PublishMode.INCREMENTAL);
    RunConfig.Builder small = base(p, PlatformProfiles.a2a3(), 16, PublishMode.INCREMENTAL);
    return new Regression("issue-2260", "simpler#2260", RuntimeVersions.MAIN,
        "a deferred-completion task ran but its completion never fired: READY on an idle device",
        "defer-wait on a2a3: a defer_wait AIV waiter with fanin 2/2 and 109 consumers (the thread's S3 and TASK"
            + " lines: ready=1, waiting=109, fanin_refcount=2/2, one AIV kernel), lost-deferred-completion on: the finished waiter is never handed to the async wait"
            + " list. Default window: the orchestrator finishes and main's 10 s scheduler timeout latches"
            + " S3:ready-but-all-idle (code 100) under every stall policy. Window 16: the consumers fill ring 1 and"
            + " the orchestrator waits for its head, whose only unreleased reference is the waiter's.",
        "not a lost dispatch (the reporter retracted it: journey flags show the task claimed, deferred and published);"
            + " a deferred-wait completion that never fires, closed as a duplicate of pypto-lib#1208",
        ImmutableList.of(
            run("main-6ebaf77, own detector: scheduler timeout", device, OWN,
                Expectation.outcome(Outcome.ABORTED).code(100).message("S3:ready-but-all-idle"),
                Fault.LOST_DEFERRED_COMPLETION),
            run("default window, patient: the same timeout", device, "patient",
                Expectation.outcome(Outcome.ABORTED).code(100).message("S3:ready-but-all-idle"),
                Fault.LOST_DEFERRED_COMPLETION),
            run("default window, checker: the same timeout", device, "checker",
                Expectation.outcome(Outcome.ABORTED).code(100).message("S3:ready-but-all-idle"),
                Fault.LOST_DEFERRED_COMPLETION),
            run("window 16, own detector: the 500 ms backstop", small, OWN,
                Expectation.outcome(Outcome.ABORTED).message(RING_FULL).atLeastNs(BACKSTOP_NS),
                Fault.LOST_DEFERRED_COMPLETION),
            run("window 16, patient (ground truth)", small, "patient", Expectation.outcome(Outcome.QUIESCENT_BLOCKED),
                Fault.LOST_DEFERRED_COMPLETION),
            run("window 16, checker", small, "checker", Expectation.outcome(Outcome.ABORTED).verdict("LOST_WAKEUP"),
                Fault.LOST_DEFERRED_COMPLETION),
            run("completion recorded, own detector", device, OWN, Expectation.outcome(Outcome.COMPLETED)),
            run("completion recorded, window 16, checker", small, "checker", Expectation.outcome(Outcome.COMPLETED))));
  }

  /**
   * pypto-lib#122: an open scope holds the ring head while the orchestrator streams nested scopes
   * behind it; a bigger window only moves the abort later.
   */
  static Regression pyptoLib122() {
    Program p = Workloads.byName("pinned-head").program(WorkloadParams.defaults().withN(1000));
    ImmutableList.Builder<RegressionRun> runs = ImmutableList.builder();
    for (long window : new long[] {16, 64, 256}) {
      RunConfig.Builder b = base(p, PlatformProfiles.a2a3(), window, PublishMode.INCREMENTAL);
      runs.add(run("window " + window + ", checker", b, "checker", Expectation.outcome(Outcome.ABORTED).verdict("REAL_DEADLOCK")));
    }
    RunConfig.Builder all = base(p, PlatformProfiles.a2a3(), 2048, PublishMode.INCREMENTAL);
    runs.add(run("window 2048 (holds all 1001 tasks)", all, OWN, Expectation.outcome(Outcome.COMPLETED)));
    return new Regression("pypto-lib-122", "pypto-lib#122", RuntimeVersions.MAIN,
        "a scope holding the ring head while the orchestrator is blocked",
        "pinned-head with 1,000 nested scopes behind the head: windows of 16, 64 and 256 each abort, later with each"
            + " step, with the same cycle; only a window that holds the whole program completes.",
        "a bigger window only postpones it: the program must end the scope that holds the head before streaming behind it",
        runs.build());
  }
}
