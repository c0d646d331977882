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
import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.runtime.PublishMode;
import io.ptosim.scheduler.runtime.RingConfig;
import io.ptosim.scheduler.version.RuntimeVersions;
import io.ptosim.scheduler.workload.PagedAttention;
import io.ptosim.scheduler.workload.PagedAttentionCase;
import io.ptosim.scheduler.workload.WorkloadParams;
import io.ptosim.scheduler.workload.Workloads;

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
   * #277: one scope holds more than window - 1 tasks; only its own scope_end could free them. The
   * pre-check (seed era and main alike) fails the submit with code 1 before any spinning.
   */
  static Regression issue277() {
    long window = 64;
    Program p = Workloads.byName("scope-overflow").program(WorkloadParams.defaults().withWindow((int) window));
    RunConfig.Builder main = base(p, PlatformProfiles.a2a3(), window, PublishMode.INCREMENTAL);
    RunConfig.Builder seed = main.build().toBuilder().runtime(RuntimeVersions.pr482());
    return new Regression("issue-277", "simpler#277", RuntimeVersions.PR482,
        "a scope holding window-1 tasks deadlocks the allocator",
        "One AUTO scope submits more tasks than the ring's window holds. Its tasks keep their scope reference until"
            + " scope_end, which the blocked orchestrator never reaches: a true cycle.",
        "a true cycle; the pre-check reports it at once (Scope Deadlock Detected, code 1) instead of spinning",
        ImmutableList.of(
            run("pr482, own detector (pre-check)", seed, OWN, Expectation.outcome(Outcome.ABORTED).message("Scope Deadlock")),
            run("main-6ebaf77, own detector", main, OWN, Expectation.outcome(Outcome.ABORTED).message("Scope Deadlock")),
            run("patient (ground truth)", main, "patient", Expectation.outcome(Outcome.QUIESCENT_BLOCKED)),
            run("checker", main, "checker", Expectation.outcome(Outcome.ABORTED).verdict("REAL_DEADLOCK"))));
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

  /** #1086: slow but real progress; the legacy heuristic aborts, a larger window or patience clears it. */
  static Regression issue1086() {
    Program p = Workloads.byName("paged-attention").program(WorkloadParams.defaults().withCase("CaseSmall2"));
    RunConfig.Builder small = base(p, PlatformProfiles.a2a3simFastSpin(), 16, PublishMode.INCREMENTAL).runtime(RuntimeVersions.pr482());
    RunConfig.Builder large = base(p, PlatformProfiles.a2a3simFastSpin(), 64, PublishMode.INCREMENTAL).runtime(RuntimeVersions.pr482());
    return new Regression("issue-1086", "simpler#1086", RuntimeVersions.PR482,
        "slow progress mistaken for deadlock; a larger window fixes it",
        "CaseSmall2 AUTO paged attention on a2a3sim-fastspin (what-if: a 10 ns allocator spin) with a ring"
            + " window of 16: the head retires only after milliseconds of host-slow kernels, longer than the"
            + " spin budget of the seed-era detector.",
        "a mitigation: the case's task window was doubled to 32768, so the ring no longer fills before retirement catches up",
        ImmutableList.of(
            run("pr482 detector, window 16", small, OWN, Expectation.outcome(Outcome.ABORTED).message(RING_FULL)),
            run("pr482 detector, window 64", large, OWN, Expectation.outcome(Outcome.COMPLETED)),
            run("patient, window 16", small, "patient", Expectation.outcome(Outcome.COMPLETED)),
            run("checker, window 16", small, "checker", Expectation.outcome(Outcome.COMPLETED).everyStall("UNRETIRED_PROGRESS"))));
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

  /** #1545: the ring head is CONSUMED but the advance was lost to try-lock contention. */
  static Regression issue1545() {
    long window = 64;
    Program p = Workloads.byName("lost-advance").program(WorkloadParams.defaults().withWindow((int) window));
    // The fault selects pr482's advance (the try-lock loser just returns) inside main's scheduler: the
    // workload's timing creates the race under main's dispatch order, not under pr482's LIFO local buffers.
    RunConfig.Builder b = base(p, PlatformProfiles.a2a3(), window, PublishMode.INCREMENTAL);
    return new Regression("issue-1545", "simpler#1545", RuntimeVersions.MAIN,
        "CONSUMED ring head never advanced (lost wake-up)",
        "Two scheduler threads make tasks of one ring CONSUMED within the advance lock's hold time; the"
            + " loser of the try-lock returns (pr482's advance, switched on in main by the lost-advance fault),"
            + " and nobody advances last_alive past the CONSUMED head.",
        "a real liveness bug; fixed by #1586: a per-ring pending bit, retried from the scheduler's no-progress path",
        ImmutableList.of(
            run("lost-advance, patient", b, "patient", Expectation.outcome(Outcome.QUIESCENT_BLOCKED), Fault.LOST_ADVANCE),
            run("lost-advance, checker", b, "checker", Expectation.outcome(Outcome.ABORTED).verdict("LOST_WAKEUP"), Fault.LOST_ADVANCE),
            run("fixed (#1586), patient", b, "patient", Expectation.outcome(Outcome.COMPLETED))));
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
