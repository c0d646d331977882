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

  private Regressions() {}

  private static final ImmutableSortedMap<String, java.util.function.Supplier<Regression>> CATALOGUE =
      ImmutableSortedMap.of(
          "issue-277", Regressions::issue277,
          "issue-495", Regressions::issue495,
          "issue-1086", Regressions::issue1086,
          "issue-1468", Regressions::issue1468,
          "issue-1545", Regressions::issue1545);

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

  private static RegressionRun run(String label, RunConfig.Builder b, String policy, Expectation e, Fault... faults) {
    RunConfig.Builder c = b.build().toBuilder().policy(policy).faults(ImmutableSet.copyOf(faults));
    return new RegressionRun(label, c.build(), e);
  }

  /**
   * #277: one scope holds more than window - 1 tasks; only its own scope_end could free them. Both
   * legacy (the seed runtime had the pre-check) and scope-aware fail the #277 pre-check with code 1.
   */
  static Regression issue277() {
    long window = 64;
    Program p = Workloads.byName("scope-overflow").program(WorkloadParams.defaults().withWindow((int) window));
    RunConfig.Builder b = base(p, PlatformProfiles.a2a3(), window, PublishMode.INCREMENTAL);
    return new Regression("issue-277", 277, "a scope holding window-1 tasks deadlocks the allocator",
        "One AUTO scope submits more tasks than the ring's window holds. Its tasks keep their scope reference until"
            + " scope_end, which the blocked orchestrator never reaches: a true cycle.",
        ImmutableList.of(
            run("legacy (seed pre-check)", b, "legacy", Expectation.outcome(Outcome.ABORTED).message("Scope Deadlock")),
            run("scope-aware (#1610)", b, "scope-aware", Expectation.outcome(Outcome.ABORTED).message("Scope Deadlock")),
            run("patient (ground truth)", b, "patient", Expectation.outcome(Outcome.QUIESCENT_BLOCKED)),
            run("checker", b, "checker", Expectation.outcome(Outcome.ABORTED).verdict("REAL_DEADLOCK"))));
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
    return new Regression("issue-495", 495, "partial-manual Case1: a broken rebase, not a false Task Ring Full",
        "PR #482 partial-manual paged attention Case1, default rings, a2a3sim, runtime pr482. The reporter's"
            + " Task Ring Full came from a broken rebase: bug 1 = hidden alloc_tensors published from the manual"
            + " path, bug 2 = ready path without PENDING->READY; the checker names the broken rule. Rebased"
            + " carefully the run completes, as the reporter found (issue closed by its author). The spin"
            + " heuristic alone aborts only in a what-if timing.",
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
    RunConfig.Builder small = base(p, PlatformProfiles.a2a3simFastSpin(), 16, PublishMode.INCREMENTAL);
    RunConfig.Builder large = base(p, PlatformProfiles.a2a3simFastSpin(), 64, PublishMode.INCREMENTAL);
    return new Regression("issue-1086", 1086, "slow progress mistaken for deadlock; a larger window fixes it",
        "CaseSmall2 AUTO paged attention on a2a3sim-fastspin (what-if: a 10 ns allocator spin) with a ring"
            + " window of 16: the head retires only after"
            + " milliseconds of host-slow kernels, longer than the legacy spin budget.",
        ImmutableList.of(
            run("legacy, window 16", small, "legacy", Expectation.outcome(Outcome.ABORTED).message(RING_FULL)),
            run("legacy, window 64", large, "legacy", Expectation.outcome(Outcome.COMPLETED)),
            run("patient, window 16", small, "patient", Expectation.outcome(Outcome.COMPLETED)),
            run("checker, window 16", small, "checker", Expectation.outcome(Outcome.COMPLETED).everyStall("UNRETIRED_PROGRESS"))));
  }

  /** #1468: one long task holds the ring head; not a deadlock, however long it runs. */
  static Regression issue1468() {
    long window = 64;
    Program p = Workloads.byName("slow-head").program(WorkloadParams.defaults().withWindow((int) window));
    RunConfig.Builder b = base(p, PlatformProfiles.a2a3(), window, PublishMode.INCREMENTAL);
    return new Regression("issue-1468", 1468, "a long task holding the head is not a deadlock",
        "A 5 ms kernel holds the ring head while short tasks fill the window behind it.",
        ImmutableList.of(
            run("legacy heuristic", b, "legacy", Expectation.outcome(Outcome.ABORTED).message(RING_FULL)),
            run("scope-aware (500 ms backstop)", b, "scope-aware", Expectation.outcome(Outcome.COMPLETED)),
            run("patient", b, "patient", Expectation.outcome(Outcome.COMPLETED)),
            run("checker", b, "checker", Expectation.outcome(Outcome.COMPLETED).everyStall("UNRETIRED_PROGRESS"))));
  }

  /** #1545: the ring head is CONSUMED but the advance was lost to try-lock contention. */
  static Regression issue1545() {
    long window = 64;
    Program p = Workloads.byName("lost-advance").program(WorkloadParams.defaults().withWindow((int) window));
    // On main the lost-advance fault selects pr482's loser-returns advance (AdvanceRule); the workload's
    // timing is tuned to main's dispatch order, so the catalogue keeps main with the fault switched on.
    RunConfig.Builder b = base(p, PlatformProfiles.a2a3(), window, PublishMode.INCREMENTAL);
    return new Regression("issue-1545", 1545, "CONSUMED ring head never advanced (lost wake-up)",
        "Two scheduler threads make tasks of one ring CONSUMED within the advance lock's hold time; the"
            + " loser of the try-lock returns, and nobody advances last_alive past the CONSUMED head.",
        ImmutableList.of(
            run("lost-advance, patient", b, "patient", Expectation.outcome(Outcome.QUIESCENT_BLOCKED), Fault.LOST_ADVANCE),
            run("lost-advance, checker", b, "checker", Expectation.outcome(Outcome.ABORTED).verdict("LOST_WAKEUP"), Fault.LOST_ADVANCE),
            run("fixed (#1586), patient", b, "patient", Expectation.outcome(Outcome.COMPLETED))));
  }
}
