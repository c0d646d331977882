package io.ptosim.scheduler.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ptosim.scheduler.policy.StallResource;
import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.run.RunReport;
import io.ptosim.scheduler.run.Simulation;
import io.ptosim.scheduler.runtime.RingConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bounds on program values: a value that would overflow the runtime's arithmetic (heap bytes, a
 * byte range's end, upstream's int16 subtask count) is rejected where the program is written,
 * naming the field, instead of silently wrapping.
 */
class ProgramBoundsTest {
  private static final long MAX = TensorArg.MAX_BYTES;

  @Test
  void tensorArgumentsAreCappedAt2To48Bytes() {
    assertThatThrownBy(() -> TensorArg.output(0, Long.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("size must be at most 2^48: 9223372036854775807");
    assertThatThrownBy(() -> TensorArg.input(0, Long.MAX_VALUE, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("offset must be at most 2^48: 9223372036854775807");
    assertThat(TensorArg.input(0, MAX, MAX).end()).isEqualTo(2 * MAX);
  }

  @Test
  void builderRejectsOutOfRangeSubmits() {
    ProgramBuilder pb = ProgramBuilder.named("bounds");
    assertThatThrownBy(() -> pb.submit("qk", 0b1000, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("active_mask must name a core");
    assertThatThrownBy(() -> pb.submit("mix", 0b111, 10_923)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("block_num x cores must be at most 32767 (upstream's int16 subtask count): 10923 x 3");
    assertThat(pb.submit("mix", 0b111, 10_922)).isZero();
    assertThat(pb.submit("sync", 0b1001, 32_767)).isEqualTo(1);
    assertThatThrownBy(() -> pb.submit("qk", 1, 1, TensorArg.output(0, MAX), TensorArg.output(1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("OUTPUT bytes of one task must total at most 2^48: 281474976710657");
    assertThatThrownBy(() -> pb.allocTensors(TensorArg.output(0, MAX), TensorArg.output(1, MAX)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("OUTPUT bytes of one task must total at most 2^48: 562949953421312");
  }

  @Test
  void theLargestOutputDoesNotFitASmallHeap() {
    // A 2^48-byte output cannot come from a 1 KiB heap: the orchestrator waits for heap space
    // (before the cap, a Long.MAX_VALUE output wrapped when aligned and "fitted").
    ProgramBuilder pb = ProgramBuilder.named("huge-output");
    pb.submit("qk", 1, 1, TensorArg.output(0x1000_0000L, MAX));
    RunReport report = Simulation.run(
        RunConfig.builder(pb.build()).policy("patient").rings(RingConfig.defaults().withHeap(1024)).build(), List.of());

    assertThat(report.outcome()).isEqualTo(Outcome.QUIESCENT_BLOCKED);
    assertThat(report.stalls()).singleElement().satisfies(s -> assertThat(s.resource()).isEqualTo(StallResource.HEAP));
  }
}
