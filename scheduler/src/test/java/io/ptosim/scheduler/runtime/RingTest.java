package io.ptosim.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The allocator's arithmetic: window test, heap ring with wrap-around, alignment, task ids. */
class RingTest {

  private static Ring ring(long window, long heap) {
    return new Ring(1, new RingConfig.RingSize(window, heap, 16));
  }

  @Test
  void atMostWindowMinusOneTasksAreLive() {
    Ring r = ring(4, 1024);
    for (int i = 0; i < 3; i++) {
      assertThat(r.slotFree()).isTrue();
      r.allocate(i, r.heapFit(0), 0);
    }
    assertThat(r.live()).isEqualTo(3);
    assertThat(r.slotFree()).isFalse();
    r.lastAlive = 1;
    assertThat(r.slotFree()).isTrue();
  }

  @Test
  void heapBumpsThenWrapsWhenTheTailLeavesRoomAtTheFront() {
    Ring r = ring(16, 1024);
    assertThat(r.heapFit(512)).isZero();
    r.allocate(0, 0, 512);
    assertThat(r.heapFit(512)).isEqualTo(512);
    r.allocate(1, 512, 512);
    // Full: top at the end, tail at 0.
    assertThat(r.heapFit(64)).isEqualTo(-1);
    // Task 0 retired: the tail moves to its end, and a new buffer wraps to the front.
    r.heapTail = 512;
    assertThat(r.heapFit(256)).isZero();
    r.allocate(2, 0, 256);
    // top (256) < tail (512): only the gap between them is free.
    assertThat(r.heapFit(256)).isEqualTo(256);
    assertThat(r.heapFit(257)).isEqualTo(-1);
  }

  @Test
  void zeroSizedOutputsNeverBlockAndBuffersAreAligned() {
    Ring r = ring(16, 64);
    r.allocate(0, 0, 64);
    assertThat(r.heapFit(0)).isEqualTo(64);
    assertThat(Ring.aligned(1)).isEqualTo(64);
    assertThat(Ring.aligned(64)).isEqualTo(64);
    assertThat(Ring.aligned(65)).isEqualTo(128);
  }

  @Test
  void taskIdsKeepTheRingInTheUpperBits() {
    long id = TaskIds.of(2, 5);
    assertThat(id).isEqualTo(2199023255557L);
    assertThat(TaskIds.ring(id)).isEqualTo(2);
    assertThat(TaskIds.local(id)).isEqualTo(5);
    assertThat(TaskIds.of(0, 7)).isEqualTo(7);
  }

  @Test
  void ringConfigRejectsWindowsThatAreNotPowersOfTwo() {
    assertThat(RingConfig.defaults().withWindow(2, 64).ring(2).window()).isEqualTo(64);
    assertThat(RingConfig.defaults().withWindow(32).rings()).allSatisfy(s -> assertThat(s.window()).isEqualTo(32));
    assertThatThrownBy(() -> RingConfig.defaults().withWindow(100)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("power of two");
  }
}
