package io.ptosim.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSet;
import io.ptosim.scheduler.version.RuntimeVersions;
import io.ptosim.analysis.StallChecker;
import io.ptosim.analysis.verdict.VerdictKind;
import io.ptosim.des.kernel.RunLimits;
import io.ptosim.des.kernel.RunResult;
import io.ptosim.des.kernel.SimKernel;
import io.ptosim.des.kernel.StopReason;
import io.ptosim.des.platform.PlatformProfile;
import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.des.trace.TraceRecorder;
import io.ptosim.scheduler.fault.Fault;
import io.ptosim.scheduler.policy.StallContext;
import io.ptosim.scheduler.policy.StallDecision;
import io.ptosim.scheduler.policy.StallPolicy;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.workload.PagedAttention;
import io.ptosim.scheduler.workload.PagedAttentionCase;
import io.ptosim.scheduler.workload.WorkloadParams;
import io.ptosim.scheduler.workload.WorkloadParams.Mode;
import io.ptosim.scheduler.workload.Workloads;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checker policy's fast path is sound: at every judgement of many stalling runs, whenever the
 * progress certificate proves the stall clears, the full checker on the snapshot of the same
 * instant says UNRETIRED_PROGRESS; and the certificate stays silent on deadlocks and lost wake-ups.
 * Under the seed bugs it gives up wherever the snapshot breaks a rule (bug 1: a published hidden
 * task is live at every stall, so it never proves; bug 2: it proves only stalls where no task sits
 * PENDING in a ready queue), so no proof hides an invariant violation.
 */
class ProgressCertificateTest {

  /** One judgement: whether the certificate proved progress, and the full checker's verdict. */
  private record Judgement(String when, boolean proven, VerdictKind verdict) {}

  /** Never aborts (so a run visits every stall) and judges each stall both ways. */
  private static final class BothWays implements StallPolicy {
    final List<Judgement> judgements = new ArrayList<>();

    @Override
    public String name() {
      return "both-ways";
    }

    private StallDecision judge(String when, StallContext stall) {
      boolean proven = stall.progressProof().isPresent();
      judgements.add(new Judgement(when + "@" + stall.nowNs(), proven, new StallChecker(stall.snapshot()).verdict().kind()));
      return StallDecision.keepWaiting();
    }

    @Override
    public StallDecision onStall(StallContext stall) {
      return judge("stall", stall);
    }

    @Override
    public StallDecision onProgress(StallContext stall) {
      return judge("progress", stall);
    }

    @Override
    public StallDecision onQuiescent(StallContext stall) {
      return judge("quiescence", stall);
    }
  }

  private static List<Judgement> judgements(Program program, PlatformProfile platform, PublishMode mode, long window,
      ImmutableSet<Fault> faults) {
    BothWays policy = new BothWays();
    RuntimeSetup setup = new RuntimeSetup(program, RuntimeVersions.main(), platform, policy, mode, RingConfig.defaults().withWindow(window),
        faults, false);
    try (SimKernel kernel = new SimKernel()) {
      DeviceRuntime runtime = DeviceRuntime.create(setup, kernel, new TraceRecorder(List.of()));
      runtime.start();
      RunResult result = kernel.run(RunLimits.DEFAULT);
      if (result.reason() == StopReason.QUIESCENT) {
        runtime.onQuiescent();
      }
    }
    return policy.judgements;
  }

  static Stream<Arguments> stallingRuns() {
    PlatformProfile sim = PlatformProfiles.a2a3simFastSpin();
    PlatformProfile hw = PlatformProfiles.a2a3();
    ImmutableSet<Fault> none = ImmutableSet.of();
    WorkloadParams w64 = WorkloadParams.defaults().withWindow(64);
    return Stream.of(
        Arguments.of("#495 Case2 partial-manual w1024", PagedAttention.program(PagedAttentionCase.byName("Case2"), true),
            sim, PublishMode.DEFERRED, 1024, none, true),
        Arguments.of("CaseVarSeq4 partial-manual w64", PagedAttention.program(PagedAttentionCase.byName("CaseVarSeq4"), true),
            sim, PublishMode.DEFERRED, 64, none, true),
        Arguments.of("CaseVarSeq4 manual w16", PagedAttention.program(PagedAttentionCase.byName("CaseVarSeq4"), true),
            hw, PublishMode.INCREMENTAL, 16, none, true),
        Arguments.of("#1086 CaseSmall2 auto w16", PagedAttention.program(PagedAttentionCase.byName("CaseSmall2"), false),
            sim, PublishMode.INCREMENTAL, 16, none, true),
        Arguments.of("slow-head w64", Workloads.byName("slow-head").program(w64), hw, PublishMode.INCREMENTAL, 64, none, true),
        Arguments.of("demo deferred w4", Workloads.byName("demo").program(w64), hw, PublishMode.DEFERRED, 4, none, false),
        Arguments.of("#277 scope-overflow w64", Workloads.byName("scope-overflow").program(w64), hw, PublishMode.INCREMENTAL,
            64, none, false),
        Arguments.of("chain partial-manual n32 w16", Workloads.byName("chain").program(w64.withMode(Mode.PARTIAL_MANUAL).withN(32)),
            hw, PublishMode.DEFERRED, 16, none, false),
        Arguments.of("unwired cross-scope consumer w4", TestPrograms.unwiredCrossScopeConsumer(), hw, PublishMode.DEFERRED,
            4, none, true),
        Arguments.of("#495 Case2 partial-manual w1024, bug 1 (publish-hidden-alloc)",
            PagedAttention.program(PagedAttentionCase.byName("Case2"), true), sim, PublishMode.DEFERRED, 1024,
            ImmutableSet.of(Fault.PUBLISH_HIDDEN_ALLOC), false),
        Arguments.of("#495 Case2 partial-manual w1024, bug 2 (ready-without-transition)",
            PagedAttention.program(PagedAttentionCase.byName("Case2"), true), sim, PublishMode.DEFERRED, 1024,
            ImmutableSet.of(Fault.READY_WITHOUT_TRANSITION), true),
        Arguments.of("#1545 lost-advance w64", Workloads.byName("lost-advance").program(w64), hw, PublishMode.INCREMENTAL, 64,
            ImmutableSet.of(Fault.LOST_ADVANCE), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stallingRuns")
  void aProvenStallIsOneTheCheckerCallsUnretiredProgress(String name, Program program, PlatformProfile platform,
      PublishMode mode, long window, ImmutableSet<Fault> faults, boolean expectProofs) {
    List<Judgement> judgements = judgements(program, platform, mode, window, faults);

    assertThat(judgements).as(name).isNotEmpty();
    assertThat(judgements).filteredOn(Judgement::proven)
        .allSatisfy(j -> assertThat(j.verdict()).as(j.when()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS));
    assertThat(judgements).filteredOn(j -> j.when().startsWith("quiescence")).noneMatch(Judgement::proven);
    if (expectProofs) {
      assertThat(judgements).as("the certificate covers the plain stalls").anyMatch(Judgement::proven);
    } else {
      assertThat(judgements).noneMatch(Judgement::proven);
    }
  }
}
