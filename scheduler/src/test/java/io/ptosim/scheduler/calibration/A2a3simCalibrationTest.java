package io.ptosim.scheduler.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.analysis.upstream.ReferenceCorpus;
import io.ptosim.des.platform.PlatformProfile;
import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.scheduler.workload.Kernels;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The a2a3sim profile is the corpus's medians, not a choice: recomputes them from every swimlane
 * record in the upstream runs (printing the table docs/platforms.md quotes) and checks each profile
 * figure against its median.
 */
class A2a3simCalibrationTest {

  @Test
  void theA2a3simProfileIsTheMedianOfTheUpstreamSwimlanes() {
    Optional<Path> corpus = ReferenceCorpus.forTest(ReferenceCorpus.upstreamRuns());
    Assumptions.assumeTrue(corpus.isPresent(), ReferenceCorpus.MISSING);
    SwimlaneCalibration c = SwimlaneCalibration.of(corpus.get());
    c.print(System.out);
    PlatformProfile p = PlatformProfiles.a2a3sim();

    assertThat(c.runs).isGreaterThanOrEqualTo(50);
    // 24 cores = 8 clusters of 1 AIC + 2 AIV in every run (metadata.num_cores)
    assertThat(c.cores).isEqualTo(3 * p.clusters());
    for (String k : new String[] {Kernels.QK, Kernels.SF, Kernels.PV, Kernels.UP}) {
      assertThat(c.count("kernel." + k)).as(k).isGreaterThan(16_000);
      assertThat(p.kernelDurationNs(k)).as(k).isEqualTo(c.medianNs("kernel." + k));
    }
    assertThat(p.defaultKernelNs()).isEqualTo(c.medianNs("kernel.other"));
    assertThat(p.dispatchNs()).isEqualTo(c.medianNs("dispatchNs"));
    assertThat(p.finishNoticeNs()).isEqualTo(c.medianNs("finishNoticeNs"));
    assertThat(p.idleLoopNs()).isEqualTo(c.medianNs("idleLoopNs"));
    // the allocator spins with the same SPIN_WAIT_HINT (pause + sched_yield) as an idle scheduler iteration
    assertThat(p.spinNs()).isEqualTo(p.idleLoopNs());
    assertThat(p.pollNs()).isEqualTo(c.medianNs("pollNs"));
    assertThat(p.submitNs()).isEqualTo(c.medianNs("submitNs"));
    // the orchestrator's host share: pooled over the runs whose submissions overlapped computing cores
    assertThat(c.hostShare).containsKeys("pa-Case1-dep32768", "pa-unroll-manual-Case1-default");
    assertThat(p.hostShareNs()).isEqualTo(c.hostShareNs(p.submitNs()));
    assertThat(PlatformProfiles.a2a3().hostShareNs()).isZero();
  }
}
