package io.ptosim.analysis.synthetic;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.ptosim.analysis.snapshot.Count;
import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.RingRecord;
import io.ptosim.analysis.snapshot.ScopeMode;
import io.ptosim.analysis.snapshot.ScopeRecord;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.snapshot.TaskRecord;
import io.ptosim.analysis.snapshot.TaskState;
import io.ptosim.analysis.snapshot.WaitResource;
import io.ptosim.analysis.text.SnapshotPrinter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Large stall snapshots for benchmarks: a full ring of {@code n} live tasks whose head can only be
 * retired (or is proven stuck) through the whole dependency chain, with the edges listed in
 * reverse order, the worst case for any algorithm that is not a single worklist pass.
 */
public final class SyntheticSnapshots {
  private SyntheticSnapshots() {}

  /**
   * Unretired progress through a chain: ring 0 holds tasks {@code 0 .. n-1} in a window of
   * {@code n + 1} (full), the orchestrator is blocked on it. Head task 0 is COMPLETED and its only
   * consumer is the last task; task 1 is READY and every task {@code i} in {@code 2 .. n-1} waits
   * for task {@code i - 1}. So the head retires only after the whole chain has completed. With
   * {@code edges} the edges are listed ({@code n-2->n-1} first, {@code 0->n-1} last); without, the
   * checker has to reason from the counters.
   */
  public static Snapshot chain(int n, boolean edges) {
    checkArgument(n >= 3, "a chain needs at least 3 tasks, got %s", n);
    Snapshot.Builder snapshot = Snapshot.builder()
        .addRing(new RingRecord(0, n + 1L, 0, n))
        .orchestrator(new OrchestratorState.Blocked(WaitResource.TASK_RING, 0));
    snapshot.addTask(task(0, TaskState.COMPLETED, Count.of(1, 1), Count.of(1, 2)));
    snapshot.addTask(task(1, TaskState.READY, Count.of(1, 1), Count.of(1, 2)));
    for (int i = 2; i < n - 1; i++) {
      snapshot.addTask(task(i, TaskState.PENDING, Count.of(1, 2), Count.of(1, 2)));
    }
    snapshot.addTask(task(n - 1, TaskState.PENDING, Count.of(2, 3), Count.of(1, 1)));
    if (edges) {
      for (int i = n - 1; i >= 2; i--) {
        snapshot.addEdge(i - 1, i);
      }
      snapshot.addEdge(0, n - 1);
    }
    return snapshot.build();
  }

  /**
   * The exhaustive search's scaling family: head task 0 is COMPLETED and waits for {@code k}
   * independent READY consumers of {@code blocks} blocks each (tasks 1..k, edges {@code 0->i}); the
   * orchestrator is blocked on the full ring. Every interleaving of their completions is a distinct
   * state, so even the reduced state space doubles with each consumer.
   */
  public static Snapshot wideFanout(int k, int blocks) {
    checkArgument(k >= 1 && blocks >= 1, "k %s and blocks %s must be positive", k, blocks);
    Snapshot.Builder snapshot = Snapshot.builder()
        .addRing(new RingRecord(0, k + 2L, 0, k + 1L))
        .orchestrator(new OrchestratorState.Blocked(WaitResource.TASK_RING, 0));
    snapshot.addTask(task(0, TaskState.COMPLETED, Count.of(1, 1), Count.of(1, k + 1L)));
    for (int i = 1; i <= k; i++) {
      snapshot.addTask(TaskRecord.of(i, TaskState.READY, Count.of(2, 2), Count.of(1, 1), 1, Count.of(0, blocks), blocks, 0));
      snapshot.addEdge(0, i);
    }
    return snapshot.build();
  }

  /**
   * A real deadlock through a chain (upstream #277's shape): the {@code n} live tasks of a full
   * ring all belong to the orchestrator's open MANUAL scope 1, unpublished until its
   * {@code scope_end()}. Head task 0 is COMPLETED; every later task waits for its predecessor
   * and for its publish barrier; the last one is the head's consumer.
   */
  public static Snapshot scopeCycle(int n, boolean edges) {
    checkArgument(n >= 3, "a chain needs at least 3 tasks, got %s", n);
    Snapshot.Builder snapshot = Snapshot.builder()
        .addRing(new RingRecord(0, n + 1L, 0, n))
        .addScope(ScopeRecord.of(1, ScopeMode.MANUAL, true))
        .orchestrator(new OrchestratorState.Blocked(WaitResource.TASK_RING, 0));
    snapshot.addTask(task(0, TaskState.COMPLETED, Count.of(1, 1), Count.of(0, 2)).withScope(1));
    for (int i = 1; i < n - 1; i++) {
      snapshot.addTask(task(i, TaskState.PENDING, Count.of(0, i == 1 ? 1 : 2), Count.of(0, 2)).withScope(1));
    }
    snapshot.addTask(task(n - 1, TaskState.PENDING, Count.of(1, 3), Count.of(0, 1)).withScope(1));
    if (edges) {
      for (int i = n - 1; i >= 2; i--) {
        snapshot.addEdge(i - 1, i);
      }
      snapshot.addEdge(0, n - 1);
    }
    return snapshot.build();
  }

  /** Writes {@link #chain} as snapshot text to {@code file} (32,767 tasks fill a 32,768 window). */
  public static void writeChain(Path file, int n, boolean edges) throws IOException {
    SnapshotPrinter.write(chain(n, edges), checkNotNull(file, "file"));
  }

  private static TaskRecord task(long id, TaskState state, Count fanin, Count fanout) {
    boolean completed = state.isCompleted();
    return TaskRecord.of(id, state, fanin, fanout, 1, Count.of(completed ? 1 : 0, 1), 1, completed ? 1 : 0);
  }
}
