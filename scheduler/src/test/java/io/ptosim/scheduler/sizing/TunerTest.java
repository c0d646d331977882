package io.ptosim.scheduler.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSet;
import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.version.RuntimeVersions;
import io.ptosim.scheduler.workload.WorkloadParams;
import io.ptosim.scheduler.workload.Workloads;
import org.junit.jupiter.api.Test;

class TunerTest {

  private static Program workload(String name, int n) {
    return Workloads.byName(name).program(WorkloadParams.defaults().withN(n).withWindow(4));
  }

  @Test
  void aScopeThatOutgrowsTheWindowNeedsAWindowAboveItsTaskCountUnderEveryDetector() {
    // #277 shape: one scope of 20 tasks. A window must hold all 20 (at most window - 1 live): 32.
    RunConfig base = RunConfig.builder(workload("scope-overflow", 20)).runtime(RuntimeVersions.main()).build();
    ResourceSizing w = new Tuner(base, 1, TuneListener.NONE).tune(ImmutableSet.of(RingResource.WINDOW))
        .resources().get(RingResource.WINDOW);
    assertThat(w.minimum()).hasValue(32);
    assertThat(w.minimumPatient()).hasValue(32);
    assertThat(w.verdictBelow()).hasValue("REAL_DEADLOCK");
    assertThat(w.onlyPostpones()).isFalse();
    assertThat(w.trials()).extracting(Trial::size).containsExactly(4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 1024L,
        2048L, 4096L, 8192L, 16384L);
    assertThat(w.trials().get(2).outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(w.trials().get(2).errorCode()).isEqualTo(1);
    assertThat(w.trials().get(2).patientOutcome()).isEqualTo(Outcome.QUIESCENT_BLOCKED);
    assertThat(w.recommendation()).isEqualTo("PTO2_RING_TASK_WINDOW=16384 is enough (smallest that completes: 32; below it: REAL_DEADLOCK)");
  }

  @Test
  void aSlowHeadUnderTheSpinHeuristicIsAFalseAbortThatPatienceClears() {
    // A 40-task slow head on the seed-era detector: the 100,000-spin budget gives up on slow progress.
    RunConfig base = RunConfig.builder(workload("slow-head", 40)).runtime(RuntimeVersions.pr482()).build();
    SizingReport report = new Tuner(base, 2, TuneListener.NONE).tune(ImmutableSet.of(RingResource.WINDOW));
    ResourceSizing w = report.resources().get(RingResource.WINDOW);
    assertThat(report.detector()).isEqualTo("legacy");
    assertThat(w.minimumPatient()).hasValue(4);
    assertThat(w.minimum().getAsLong()).isGreaterThan(w.minimumPatient().getAsLong());
    assertThat(w.verdictBelow()).hasValue("UNRETIRED_PROGRESS");
    assertThat(w.trials().get(0).outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(w.trials().get(0).completesPatient()).isTrue();
    assertThat(w.trials().get(0).stats().stalls()).isPositive();
  }

  @Test
  void theAnswerDoesNotDependOnJobs() {
    RunConfig base = RunConfig.builder(workload("slow-head", 40)).runtime(RuntimeVersions.pr482())
        .platform(PlatformProfiles.a2a3sim()).build();
    ImmutableSet<RingResource> all = ImmutableSet.copyOf(RingResource.values());
    assertThat(new Tuner(base, 2, TuneListener.NONE).tune(all)).isEqualTo(new Tuner(base, 1, TuneListener.NONE).tune(all));
  }
}
