package io.ptosim.scheduler.tensormap;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.scheduler.program.TensorArg;
import org.junit.jupiter.api.Test;

class TensorMapTest {
  private static final long BUF = 0x1000;

  @Test
  void overlapClassification() {
    assertThat(Overlap.of(0, 64, 64, 128)).isEqualTo(Overlap.NONE);
    assertThat(Overlap.of(128, 192, 64, 128)).isEqualTo(Overlap.NONE);
    assertThat(Overlap.of(0, 128, 64, 128)).isEqualTo(Overlap.COVERED);
    assertThat(Overlap.of(64, 128, 64, 128)).isEqualTo(Overlap.COVERED);
    assertThat(Overlap.of(0, 100, 64, 128)).isEqualTo(Overlap.PARTIAL);
    assertThat(Overlap.of(80, 90, 64, 128)).isEqualTo(Overlap.PARTIAL);
  }

  @Test
  void inputFindsCoveredAndPartialWritersButNotDisjointOnes() {
    TensorMap map = new TensorMap();
    map.insert(1, TensorArg.outputExisting(BUF, 0, 64));
    map.insert(2, TensorArg.outputExisting(BUF, 64, 64));
    map.insert(3, TensorArg.outputExisting(BUF, 128, 64));
    map.insert(4, TensorArg.outputExisting(BUF + 4096, 0, 64)); // another buffer, same range
    assertThat(map.lookup(TensorArg.input(BUF, 0, 128))).containsExactly(1, 2); // both covered
    assertThat(map.lookup(TensorArg.input(BUF, 100, 40))).containsExactly(2, 3); // both partial
    assertThat(map.lookup(TensorArg.input(BUF, 192, 64))).isEmpty(); // none
    assertThat(map.lookup(TensorArg.input(BUF + 8192, 0, 64))).isEmpty(); // unknown base
    assertThat(map.entries()).isEqualTo(4);
  }

  @Test
  void onlyInputAndInoutLookUpWriters() {
    TensorMap map = new TensorMap();
    map.insert(1, TensorArg.outputExisting(BUF, 0, 64));
    assertThat(map.lookup(TensorArg.inout(BUF, 0, 64))).containsExactly(1);
    assertThat(map.lookup(TensorArg.outputExisting(BUF, 0, 64))).isEmpty();
    assertThat(map.lookup(TensorArg.output(BUF, 64))).isEmpty();
    map.insert(2, TensorArg.input(BUF, 0, 64)); // inputs are never inserted
    assertThat(map.entries()).isEqualTo(1);
  }

  @Test
  void outputMakesTheTaskTheOwnerFoundByEveryLaterNonOutputArg() {
    TensorMap map = new TensorMap();
    map.insert(5, TensorArg.output(BUF, 256));
    assertThat(map.owner(BUF)).hasValue(5);
    assertThat(map.entries()).isZero();
    // creator retention: any view of the buffer, any non-OUTPUT direction
    assertThat(map.lookup(TensorArg.input(BUF, 200, 8))).containsExactly(5);
    assertThat(map.lookup(TensorArg.outputExisting(BUF, 0, 8))).containsExactly(5);
    map.insert(7, TensorArg.inout(BUF, 0, 256));
    assertThat(map.lookup(TensorArg.inout(BUF, 0, 256))).containsExactly(5, 7);
  }

  @Test
  void inoutThatCoversAnEntryReplacesIt() {
    TensorMap map = new TensorMap();
    map.insert(1, TensorArg.inout(BUF, 0, 64));
    map.insert(2, TensorArg.inout(BUF, 64, 64));
    map.insert(3, TensorArg.inout(BUF, 0, 64)); // covers 1 only
    assertThat(map.lookup(TensorArg.input(BUF, 0, 128))).containsExactly(2, 3);
    map.insert(4, TensorArg.inout(BUF, 32, 64)); // partial over 2 and 3: both stay
    assertThat(map.lookup(TensorArg.input(BUF, 0, 128))).containsExactly(2, 3, 4);
    map.insert(5, TensorArg.inout(BUF, 0, 128)); // covers all
    assertThat(map.lookup(TensorArg.input(BUF, 0, 128))).containsExactly(5);
    assertThat(map.entries()).isEqualTo(1);
  }

  @Test
  void outputExistingDoesNotReplaceWhatItCovers() {
    // Upstream removes covered entries only on an INOUT lookup; OUTPUT_EXISTING is not looked up.
    TensorMap map = new TensorMap();
    map.insert(1, TensorArg.inout(BUF, 0, 64));
    map.insert(2, TensorArg.outputExisting(BUF, 0, 64));
    assertThat(map.lookup(TensorArg.input(BUF, 0, 64))).containsExactly(1, 2);
  }

  @Test
  void oneTasksTwoInoutsOnOneBufferKeepBothEntries() {
    TensorMap map = new TensorMap();
    map.insert(1, TensorArg.inout(BUF, 0, 64));
    map.insert(1, TensorArg.inout(BUF, 0, 128));
    assertThat(map.entries()).isEqualTo(2);
    assertThat(map.lookup(TensorArg.input(BUF, 0, 8))).containsExactly(1);
  }

  @Test
  void lookupReportsAtMostTheSixteenNewestWriters() {
    TensorMap map = new TensorMap();
    for (int t = 0; t < 20; t++) {
      map.insert(t, TensorArg.outputExisting(BUF, t * 64L, 64));
    }
    assertThat(map.lookup(TensorArg.input(BUF, 0, 20 * 64)))
        .containsExactly(4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
    // The cap counts live entries only.
    assertThat(map.lookup(TensorArg.input(BUF, 0, 20 * 64), t -> t < 18)).hasSize(16).startsWith(2).endsWith(17);
  }

  @Test
  void resultIsAscendingAndDeduplicated() {
    TensorMap map = new TensorMap();
    map.insert(9, TensorArg.output(BUF, 256));
    map.insert(9, TensorArg.outputExisting(BUF, 0, 64));
    map.insert(3, TensorArg.outputExisting(BUF, 64, 64));
    map.insert(9, TensorArg.outputExisting(BUF, 128, 64));
    assertThat(map.lookup(TensorArg.input(BUF, 0, 256))).containsExactly(3, 9);
  }

  @Test
  void entriesOfRetiredTasksAreDroppedEvery64Retirements() {
    TensorMap map = new TensorMap();
    map.insert(0, TensorArg.output(BUF, 64));
    for (int t = 1; t <= 70; t++) {
      map.insert(t, TensorArg.outputExisting(BUF + t * 4096L, 0, 64));
    }
    for (int t = 0; t < 63; t++) {
      map.retire(t);
    }
    // Before the cleanup, retired entries are still returned by a plain lookup...
    assertThat(map.entries()).isEqualTo(70);
    assertThat(map.lookup(TensorArg.input(BUF + 4096, 0, 64))).containsExactly(1);
    assertThat(map.lookup(TensorArg.input(BUF, 0, 64))).containsExactly(0);
    // ...but skipped by a lookup that knows which tasks are alive, as upstream's last_task_alive check.
    assertThat(map.lookup(TensorArg.input(BUF + 4096, 0, 64), t -> t >= 63)).isEmpty();
    assertThat(map.lookup(TensorArg.input(BUF, 0, 64), t -> t >= 63)).isEmpty();

    map.retire(63); // the 64th retirement cleans up tasks 0..63
    assertThat(map.entries()).isEqualTo(70 - 63);
    assertThat(map.lookup(TensorArg.input(BUF + 4096, 0, 64))).isEmpty();
    assertThat(map.lookup(TensorArg.input(BUF + 63 * 4096L, 0, 64))).isEmpty();
    assertThat(map.lookup(TensorArg.input(BUF + 64 * 4096L, 0, 64))).containsExactly(64);
    assertThat(map.owner(BUF)).isEmpty();

    for (int t = 64; t < 127; t++) {
      map.retire(t);
    }
    assertThat(map.entries()).isEqualTo(7);
    map.retire(127);
    assertThat(map.entries()).isZero();
  }

  @Test
  void cleanupKeepsANewerOwnerAndWritersOfLiveTasks() {
    TensorMap map = new TensorMap();
    map.insert(0, TensorArg.output(BUF, 64));
    map.insert(1, TensorArg.inout(BUF, 0, 32));
    map.insert(2, TensorArg.output(BUF, 64)); // buffer re-created: task 2 owns it now
    for (int t = 100; t < 163; t++) {
      map.retire(t);
    }
    map.retire(0);
    assertThat(map.owner(BUF)).hasValue(2);
    assertThat(map.lookup(TensorArg.input(BUF, 0, 64))).containsExactly(1, 2);
  }

  @Test
  void manyDisjointWritersStayCheapToQuery() {
    // Case1-like load: 256 batches x 64 row blocks of one output buffer, each block rewritten 64 times.
    TensorMap map = new TensorMap();
    long task = 0;
    for (int b = 0; b < 256 * 64; b++) {
      TensorArg rows = TensorArg.inout(BUF, b * 8192L, 8192);
      for (int k = 0; k < 4; k++) {
        assertThat(map.lookup(rows)).hasSizeLessThanOrEqualTo(1);
        map.insert(task++, rows);
      }
    }
    assertThat(map.entries()).isEqualTo(256 * 64);
  }

  @Test
  void discoverLooksEverythingUpBeforeRecording() {
    TensorMap map = new TensorMap();
    map.insert(0, TensorArg.output(BUF, 256)); // alloc_tensors output
    map.insert(1, TensorArg.inout(BUF, 0, 256));
    // Two args on one buffer: the second must not see the first one's entry of the same task.
    long[] producers = map.discover(2, java.util.List.of(
        TensorArg.inout(BUF, 0, 256), TensorArg.input(BUF, 0, 64), TensorArg.output(BUF + 4096, 64)), t -> true);
    assertThat(producers).containsExactly(0, 1);
    assertThat(map.owner(BUF + 4096)).hasValue(2);
    assertThat(map.lookup(TensorArg.input(BUF, 0, 256))).containsExactly(0, 2);
    assertThat(map.discover(3, java.util.List.of(), t -> true)).isEmpty();
  }
}
