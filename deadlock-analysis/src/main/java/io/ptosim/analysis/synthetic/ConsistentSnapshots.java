package io.ptosim.analysis.synthetic;

import io.ptosim.analysis.snapshot.Count;
import io.ptosim.analysis.snapshot.Edge;
import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.PendingEvent;
import io.ptosim.analysis.snapshot.RingRecord;
import io.ptosim.analysis.snapshot.ScopeMode;
import io.ptosim.analysis.snapshot.ScopeRecord;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.snapshot.TaskRecord;
import io.ptosim.analysis.snapshot.TaskState;
import io.ptosim.analysis.snapshot.TraceEvidence;
import io.ptosim.analysis.snapshot.WaitResource;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;

/**
 * Random small stalls that obey the runtime's rules: a DAG in submit order, counters derived from
 * which tasks completed and which were published, scopes open or closed, and (rarely) a lost
 * READY or CONSUMED transition. {@link #model} keeps the ground truth for the oracles (the tests'
 * naive rule replay and the exhaustive search's agreement bench).
 */
public final class ConsistentSnapshots {
  private ConsistentSnapshots() {}

  /** The ground truth behind a generated snapshot. */
  public record Model(
      Snapshot snapshot,
      int n,
      long base,
      boolean[][] edge,
      boolean[] published,
      boolean[] completed,
      TaskState[] state,
      int[] scopeOf,
      boolean[] scopeOpen) {}

  /** The random stall and its ground truth for {@code seed}. */
  public static Model model(long seed) {
    Random random = new Random(seed);
    int n = 1 + random.nextInt(10);
    long base = random.nextInt(3) == 0 ? 0 : random.nextInt(50);
    int scopes = 1 + random.nextInt(3);
    boolean[] scopeOpen = new boolean[scopes + 1];
    ScopeMode[] mode = new ScopeMode[scopes + 1];
    for (int s = 1; s <= scopes; s++) {
      scopeOpen[s] = random.nextBoolean();
      mode[s] = random.nextBoolean() ? ScopeMode.MANUAL : ScopeMode.AUTO;
    }
    int orchestratorKind = random.nextInt(8); // mostly blocked
    if (orchestratorKind == 7) {
      java.util.Arrays.fill(scopeOpen, false); // a finished orchestrator has ended every scope
    }
    boolean[] hidden = new boolean[n];
    int[] scopeOf = new int[n];
    boolean[][] edge = new boolean[n][n];
    boolean[] published = new boolean[n];
    boolean[] completed = new boolean[n];
    double density = random.nextDouble() * 0.6;
    for (int j = 0; j < n; j++) {
      hidden[j] = random.nextInt(8) == 0;
      scopeOf[j] = random.nextInt(scopes + 1); // 0: no scope record
      for (int i = 0; i < j && !hidden[j]; i++) {
        edge[i][j] = random.nextDouble() < density;
      }
      boolean manualOpen = scopeOf[j] > 0 && scopeOpen[scopeOf[j]] && mode[scopeOf[j]] == ScopeMode.MANUAL;
      published[j] = hidden[j] || orchestratorKind == 7 || !(manualOpen && random.nextBoolean());
      boolean producersDone = true;
      for (int i = 0; i < j; i++) {
        producersDone &= !edge[i][j] || completed[i];
      }
      completed[j] = hidden[j] || (published[j] && producersDone && random.nextInt(3) > 0);
    }
    TaskState[] state = new TaskState[n];
    List<TaskRecord> tasks = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      int producers = 0;
      int producersDone = 0;
      int consumers = 0;
      int consumersDone = 0;
      for (int i = 0; i < n; i++) {
        producers += edge[i][j] ? 1 : 0;
        producersDone += edge[i][j] && completed[i] ? 1 : 0;
        consumers += edge[j][i] ? 1 : 0;
        consumersDone += edge[j][i] && completed[i] ? 1 : 0;
      }
      boolean scopeHeld = scopeOf[j] > 0 && scopeOpen[scopeOf[j]];
      Count fanin = Count.of(producersDone + (published[j] ? 1 : 0), producers + 1L);
      Count fanout = Count.of(consumersDone + (scopeHeld ? 0 : 1), consumers + 1L);
      int blocks = 1 + random.nextInt(3);
      int next;
      int done;
      if (completed[j]) {
        boolean lost = random.nextInt(10) == 0;
        state[j] = fanout.isComplete() && !lost ? TaskState.CONSUMED : TaskState.COMPLETED;
        next = hidden[j] ? 0 : blocks;
        done = hidden[j] ? 0 : blocks;
      } else if (fanin.isComplete() && random.nextInt(10) > 0) {
        state[j] = random.nextBoolean() ? TaskState.READY : TaskState.RUNNING;
        next = state[j] == TaskState.READY ? 0 : 1 + random.nextInt(blocks);
        done = state[j] == TaskState.READY ? 0 : random.nextInt(next);
      } else {
        state[j] = TaskState.PENDING; // possibly with complete fanin: a lost READY transition
        next = 0;
        done = 0;
      }
      int mask = hidden[j] ? 0 : 1 + random.nextInt(7);
      tasks.add(new TaskRecord(base + j, state[j], fanin, fanout, mask, Count.of(done, blocks), blocks, next,
          random.nextBoolean() ? OptionalInt.of(0) : OptionalInt.empty(),
          scopeOf[j] > 0 ? OptionalLong.of(scopeOf[j]) : OptionalLong.empty(), hidden[j]));
    }
    int head = 0;
    while (head < n - 1 && state[head] == TaskState.CONSUMED && random.nextInt(4) > 0) {
      head++; // advanced over a CONSUMED prefix (or, sometimes, not: a CONSUMED head)
    }
    Snapshot.Builder builder = Snapshot.builder()
        .addRing(new RingRecord(0, n + 1L + random.nextInt(5), base + head, base + n))
        .orchestrator(switch (orchestratorKind) {
          case 6 -> new OrchestratorState.Running();
          case 7 -> new OrchestratorState.Finished();
          default -> new OrchestratorState.Blocked(
              random.nextBoolean() ? WaitResource.TASK_RING : WaitResource.HEAP, 0);
        });
    for (int s = 1; s <= scopes; s++) {
      builder.addScope(ScopeRecord.of(s, mode[s], scopeOpen[s]));
    }
    tasks.forEach(builder::addTask);
    boolean withEdges = random.nextInt(4) > 0;
    if (withEdges) {
      builder.edgesKnown();
      for (int j = 0; j < n; j++) {
        for (int i = 0; i < n; i++) {
          if (edge[i][j]) {
            builder.addEdge(new Edge(base + i, base + j));
          }
        }
      }
    }
    switch (random.nextInt(3)) {
      case 0 -> { } // a device snapshot
      case 1 -> builder.pendingKnown(); // a simulation with nothing scheduled
      default -> {
        builder.addPending(PendingEvent.of(100, "orchestrator"));
        for (int k = random.nextInt(3); k > 0; k--) {
          builder.addPending(PendingEvent.of(200 + k, random.nextBoolean() ? "ready" : "release",
              base + random.nextInt(n)));
        }
      }
    }
    for (int j = 0; j < n; j++) {
      if (!hidden[j] && state[j] != TaskState.PENDING && random.nextInt(4) == 0) {
        builder.addEvidence(TraceEvidence.dispatch(random.nextInt(3), tasks.get(j).shape(), base + j, 0, 1));
      }
    }
    return new Model(builder.build(), n, base, edge, published, completed, state, scopeOf, scopeOpen);
  }
}
