package io.ptosim.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ptosim.scheduler.version.orch.HeapAllocator;
import io.ptosim.scheduler.version.orch.HeapAtMain;
import io.ptosim.scheduler.version.orch.HeapAtPr482;
import org.junit.jupiter.api.Test;

/** The allocator's arithmetic: window test, heap ring with wrap-around, alignment, task ids. */
class RingTest {

  private static Ring ring(long window, long heap) {
    return new Ring(1, new RingConfig.RingSize(window, heap, 16));
  }

  private static final HeapAllocator MAIN = new HeapAtMain();
  private static final HeapAllocator PR482 = new HeapAtPr482();

  @Test
  void atMostWindowMinusOneTasksAreLive() {
    Ring r = ring(4, 1024);
    for (int i = 0; i < 3; i++) {
      assertThat(r.slotFree()).isTrue();
      r.allocate(i, MAIN, r.heapFit(MAIN, 0), 0);
    }
    assertThat(r.live()).isEqualTo(3);
    assertThat(r.slotFree()).isFalse();
    r.lastAlive = 1;
    assertThat(r.slotFree()).isTrue();
  }

  @Test
  void heapBumpsThenWrapsWhenTheTailLeavesRoomAtTheFront() {
    for (HeapAllocator rule : new HeapAllocator[] {MAIN, PR482}) {
      Ring r = ring(16, 1024);
      assertThat(r.heapFit(rule, 512)).isZero();
      r.allocate(0, rule, 0, 512);
      assertThat(r.heapFit(rule, 512)).isEqualTo(512);
      r.allocate(1, rule, 512, 512);
      // Full: top at the end, tail at 0.
      assertThat(r.heapFit(rule, 64)).isEqualTo(-1);
      // Task 0 retired: the tail moves to its end, and a new buffer wraps to the front.
      r.heapTail = 512;
      assertThat(r.heapFit(rule, 256)).isZero();
      r.allocate(2, rule, 0, 256);
      assertThat(r.heapFit(rule, 257)).isEqualTo(-1);
    }
  }

  @Test
  void belowTheTailMainNeedsMoreThanTheRequestPr482AsMuch() {
    // top 256 < tail 512: a gap of exactly 256 bytes.
    assertThat(MAIN.fit(1024, 256, 512, 256)).isEqualTo(HeapAllocator.NO_FIT);
    assertThat(MAIN.fit(1024, 256, 512, 192)).isEqualTo(256);
    assertThat(PR482.fit(1024, 256, 512, 256)).isEqualTo(256);
  }

  @Test
  void mainRebasesAnEmptyRingPr482DoesNot() {
    // Everything retired with top = tail = 256: 768 left at the end, 256 at the front, 900 asked.
    assertThat(MAIN.fit(1024, 256, 256, 900)).isZero();
    assertThat(MAIN.rebases(1024, 256, 256, 900)).isTrue();
    assertThat(PR482.fit(1024, 256, 256, 900)).isEqualTo(HeapAllocator.NO_FIT);
    assertThat(MAIN.fit(1024, 256, 256, 2048)).isEqualTo(HeapAllocator.NO_FIT);
    // A front larger than the request is an ordinary wrap, not a rebase.
    assertThat(MAIN.rebases(1024, 768, 768, 512)).isFalse();
    Ring r = ring(16, 1024);
    r.heapTop = 256;
    r.heapTail = 256;
    r.allocate(0, MAIN, 0, 900);
    assertThat(r.heapTail).isZero();
    assertThat(r.heapTop).isEqualTo(900);
  }

  @Test
  void everyOutputIsPaddedTo1024BytesThenTheTotalTo64() {
    assertThat(HeapAllocator.padded(1)).isEqualTo(1024);
    assertThat(HeapAllocator.padded(1024)).isEqualTo(1024);
    assertThat(HeapAllocator.padded(1025)).isEqualTo(2048);
    assertThat(HeapAllocator.padded(0)).isZero();
    assertThat(Ring.aligned(1)).isEqualTo(64);
    assertThat(Ring.aligned(65)).isEqualTo(128);
  }

  @Test
  void zeroSizedOutputsNeverBlock() {
    Ring r = ring(16, 64);
    r.allocate(0, MAIN, 0, 64);
    assertThat(r.heapFit(MAIN, 0)).isEqualTo(64);
  }

  @Test
  void depPoolReclaimsOnlyAfter64RetiredTasksUpToTheMarkOfTheLastRetired() {
    TaskTable t = new TaskTable(200);
    Ring r = new Ring(0, new RingConfig.RingSize(256, 1 << 20, 8));
    for (int i = 0; i < 100; i++) {
      r.allocate(i, MAIN, 0, 0);
      if (i < 8) {
        r.takeDep();
      }
      t.depMark[i] = r.depTop;
    }
    assertThat(r.depAvailable()).isZero();
    r.lastAlive = 63;
    assertThat(r.ensureDeps(1, t)).isFalse();
    assertThat(r.depTail).isEqualTo(1);
    r.lastAlive = 64;
    assertThat(r.ensureDeps(1, t)).isTrue();
    assertThat(r.depTail).isEqualTo(9);
    assertThat(r.depLastReclaimed).isEqualTo(64);
    assertThat(r.depHighWater).isEqualTo(8);
  }

  @Test
  void taskIdsKeepTheRingInTheUpperBits() {
    long id = TaskIds.of(2, 5);
    assertThat(id).isEqualTo(8589934597L);
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
