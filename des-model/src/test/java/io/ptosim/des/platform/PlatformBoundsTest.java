package io.ptosim.des.platform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ptosim.des.kernel.RunLimits;
import org.junit.jupiter.api.Test;

/** Issue 11: every numeric input has a range; outside it the value is refused, never run. */
class PlatformBoundsTest {
  @Test
  void aKernelDurationOf2To61IsRefused() {
    assertThatThrownBy(() -> PlatformProfiles.a2a3().with("kernel.qk", 1L << 61))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("kernel.qk must be 0..1000000000000 ns: 2305843009213693952");
  }

  @Test
  void aCostOf2To61IsRefused() {
    assertThatThrownBy(() -> PlatformProfiles.a2a3().with("finishNoticeNs", 1L << 61))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("finishNoticeNs must be 0..1000000000000 ns: 2305843009213693952");
  }

  @Test
  void anUnknownFieldListsTheKnownOnes() {
    assertThatThrownBy(() -> PlatformProfiles.a2a3().with("nosuchNs", 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown platform field 'nosuchNs' (known: clusters, aivPerCluster,");
  }

  @Test
  void clustersBeyondIntAreOutOfRange() {
    assertThatThrownBy(() -> PlatformProfiles.a2a3().with("clusters", 1L << 40))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clusters out of range: 1099511627776");
  }

  @Test
  void bothRunLimitsMustBePositive() {
    assertThatThrownBy(() -> new RunLimits(1, 0)).hasMessage("max time must be 1..1000000000000000 ns: 0");
    assertThatThrownBy(() -> new RunLimits(0, 1)).hasMessage("max events must be 1..1000000000000: 0");
    assertThatThrownBy(() -> new RunLimits(Long.MAX_VALUE, 1)).hasMessageStartingWith("max events must be 1..");
  }
}
