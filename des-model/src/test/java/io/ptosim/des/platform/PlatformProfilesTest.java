package io.ptosim.des.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlatformProfilesTest {

  @Test
  void a2a3HasTheDeviceShapeAndUpstreamLatencies() {
    PlatformProfile p = PlatformProfiles.byName("a2a3");
    assertThat(p.aicCores()).isEqualTo(24);
    assertThat(p.aivCores()).isEqualTo(48);
    assertThat(p.schedulerThreads()).isEqualTo(3);
    assertThat(p.schedulerOf(0)).isZero();
    assertThat(p.schedulerOf(4)).isEqualTo(1);
    assertThat(p.schedulerOf(23)).isEqualTo(2);
    assertThat(new long[] {p.pollNs(), p.dispatchNs(), p.finishNoticeNs(), p.taskSwitchNs(), p.idleLoopNs()})
        .containsExactly(100, 140, 600, 800, 115);
    assertThat(p.kernelDurationNs("qk")).isEqualTo(3_000);
    assertThat(p.kernelDurationNs("unknown")).isEqualTo(2_000);
  }

  @Test
  void a2a3simSpinsAsSlowlyAsAnIdleSchedulerIterationWhileTheFastSpinWhatIfKeepsA10NsSpin() {
    PlatformProfile sim = PlatformProfiles.byName("a2a3sim");
    // calibrated (scheduler A2a3simCalibrationTest): a spin is pause + sched_yield, like an idle iteration
    assertThat(sim.kernelDurationNs("qk")).isEqualTo(27_031_000);
    assertThat(sim.spinNs()).isEqualTo(sim.idleLoopNs()).isEqualTo(2_057_000);
    assertThat(sim.clusters()).isEqualTo(8);
    PlatformProfile whatIf = PlatformProfiles.byName("a2a3sim-fastspin");
    assertThat(whatIf.kernelDurationNs("qk")).isEqualTo(2_000_000);
    assertThat(whatIf.spinNs()).isEqualTo(PlatformProfiles.a2a3().spinNs());
  }

  @Test
  void overridesReturnACopy() {
    PlatformProfile p = PlatformProfiles.a2a3();
    assertThat(p.with("finishNoticeNs", 180).finishNoticeNs()).isEqualTo(180);
    assertThat(p.with("kernel.qk", 9).kernelDurationNs("qk")).isEqualTo(9);
    assertThat(p.finishNoticeNs()).isEqualTo(600);
    assertThatThrownBy(() -> p.with("warpSpeed", 1)).hasMessage("unknown platform field 'warpSpeed'");
  }

  @Test
  void unknownProfileNamesTheChoices() {
    assertThatThrownBy(() -> PlatformProfiles.byName("a5")).hasMessage("unknown platform 'a5' (known: a2a3, a2a3sim, a2a3sim-fastspin)");
  }

  @Test
  void deviceClockTicksAt50MHz() {
    assertThat(DeviceClock.ticks(0)).isZero();
    assertThat(DeviceClock.ticks(19)).isZero();
    assertThat(DeviceClock.ticks(20)).isEqualTo(1);
    assertThat(DeviceClock.ticks(1_000_000_000)).isEqualTo(50_000_000);
    assertThat(DeviceClock.micros(1_234)).isEqualTo("1.234");
    assertThat(DeviceClock.micros(5)).isEqualTo("0.005");
    assertThat(DeviceClock.micros(2_000_050)).isEqualTo("2000.050");
  }
}
