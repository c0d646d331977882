package io.ptosim.analysis.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SnapshotTest {
  private static TaskRecord task(long id) {
    return TaskRecord.of(id, TaskState.PENDING, Count.of(0, 1), Count.of(1, 1), 1, Count.of(0, 1), 1, 0);
  }

  @Test
  void defaultsFollowTheContract() {
    Snapshot snapshot = Snapshot.builder().addTask(task(9)).addTask(task(4)).build();

    assertThat(snapshot.rings()).containsExactly(new RingRecord(0, 16_384, 4, 10));
    assertThat(snapshot.orchestrator()).isEqualTo(new OrchestratorState.Blocked(WaitResource.TASK_RING, 0));
    assertThat(snapshot.edges()).isEmpty();
    assertThat(snapshot.pending()).isEmpty();
    assertThat(snapshot.targetRing()).isZero();
  }

  @Test
  void aBlockedSubmitsScopeNeedsAScopeRecord() {
    OrchestratorState submit = new OrchestratorState.Blocked(WaitResource.TASK_RING, 0, 0, OptionalLong.of(3));
    assertThatThrownBy(() -> Snapshot.builder().addTask(task(0)).orchestrator(submit).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the blocked submit's scope 3 has no record");

    Snapshot snapshot = Snapshot.builder().addTask(task(0)).orchestrator(submit)
        .addScope(ScopeRecord.of(3, ScopeMode.AUTO, true)).build();
    assertThat(((OrchestratorState.Blocked) snapshot.orchestrator()).scope()).hasValue(3);
    assertThatThrownBy(() -> new OrchestratorState.Blocked(WaitResource.TASK_RING, 0, 0, OptionalLong.of(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tasksWithoutARingTokenJoinTheOnlyRing() {
    Snapshot snapshot = Snapshot.builder()
        .addRing(new RingRecord(2, 8, 0, 3))
        .addTask(task(0))
        .addTask(task(1).withRing(2))
        .build();

    assertThat(snapshot.defaultRing()).isEqualTo(2);
    assertThat(snapshot.ringOf(snapshot.tasks().get(0))).isEqualTo(2);
    assertThat(snapshot.rings()).containsExactly(new RingRecord(2, 8, 0, 3));
    assertThat(snapshot.orchestrator()).isEqualTo(new OrchestratorState.Blocked(WaitResource.TASK_RING, 2));
  }

  @Test
  void ringsNamedOnlyByTasksAreDescribedFromTheirTasks() {
    Snapshot snapshot = Snapshot.builder()
        .addTask(task(5))
        .addTask(task((1L << 32) | 7).withRing(1))
        .addTask(task((1L << 32) | 8).withRing(1))
        .addTask(task((2L << 32) | 3).withRing(2))
        .build();

    // Two rings are named, so the task without a token joins ring 0.
    assertThat(snapshot.rings()).containsExactly(
        new RingRecord(0, 16_384, 5, 6),
        new RingRecord(1, 16_384, (1L << 32) | 7, (1L << 32) | 9),
        new RingRecord(2, 16_384, (2L << 32) | 3, (2L << 32) | 4));
    assertThat(snapshot.ringOf(snapshot.tasks().get(0))).isZero();
  }

  @Test
  void aTaskWithoutTokenJoinsARingNamedOnlyByOtherTasksWhenItIsTheOnlyOne() {
    Snapshot snapshot = Snapshot.builder().addTask(task(5)).addTask(task(6).withRing(1)).build();

    assertThat(snapshot.rings()).containsExactly(new RingRecord(1, 16_384, 5, 7));
  }

  @Test
  void aWaitOnAnUndescribedRingRecordsItEmpty() {
    Snapshot snapshot = Snapshot.builder()
        .addTask(task(0).withRing(0))
        .orchestrator(new OrchestratorState.Blocked(WaitResource.HEAP, 3))
        .build();

    assertThat(snapshot.rings())
        .containsExactly(new RingRecord(0, 16_384, 0, 1), new RingRecord(3, 16_384, 0, 0));
  }

  @Test
  void idsAreUnique() {
    assertThatThrownBy(() -> Snapshot.builder().addTask(task(1)).addTask(task(2)).addTask(task(1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate task id 1");
  }

  @Test
  void countersMayOnlyBeCorruptedOnPurpose() {
    assertThatThrownBy(() -> Count.of(4, 2)).hasMessage("done 4 exceeds total 2");
    assertThat(Count.unchecked(4, 2).isExceeded()).isTrue();
    assertThat(Count.of(1, 2)).hasToString("1/2");
    assertThat(TaskState.ofCode(4)).isEqualTo(TaskState.CONSUMED);
    assertThatThrownBy(() -> TaskState.ofCode(5)).hasMessage("state code 5 is not 0..4");
  }

  @Test
  void maskSelectsTheShape() {
    assertThat(task(0).shape()).isZero();
    // Upstream to_shape (01d0723 and 6ebaf77): two or more core bits are MIX, AIV0 + AIV1 too.
    assertThat(TaskRecord.of(0, TaskState.READY, Count.of(1, 1), Count.of(0, 1), 6, Count.of(0, 1), 1, 0).shape())
        .isEqualTo(2);
    assertThat(TaskRecord.of(0, TaskState.READY, Count.of(1, 1), Count.of(0, 1), 4, Count.of(0, 1), 1, 0).shape())
        .isEqualTo(1);
    assertThat(TaskRecord.of(0, TaskState.READY, Count.of(1, 1), Count.of(0, 1), 3, Count.of(0, 1), 1, 0).shape())
        .isEqualTo(2);
    assertThat(TaskRecord.of(0, TaskState.READY, Count.of(1, 1), Count.of(0, 1), 0, Count.of(0, 1), 1, 0)
        .neverDispatched()).isTrue();
  }
}
