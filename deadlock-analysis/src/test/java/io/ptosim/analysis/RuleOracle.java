package io.ptosim.analysis;

import io.ptosim.analysis.synthetic.ConsistentSnapshots;
import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.PendingEvent;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.snapshot.TaskState;
import java.util.List;

/**
 * A deliberately naive second implementation of the runtime rules: it plays every event that can
 * still happen, one at a time, until nothing changes, and reports whether the ring head got
 * retired. The system is monotone (no event disables another), so the order does not matter.
 */
final class RuleOracle {
  private RuleOracle() {}

  static boolean headRetired(ConsistentSnapshots.Model model) {
    Snapshot snapshot = model.snapshot();
    int n = model.n();
    boolean[][] edge = model.edge();
    TaskState[] state = model.state().clone();
    boolean[] published = model.published().clone();
    boolean[] scopeOpen = model.scopeOpen().clone();
    long[] faninMissing = new long[n];
    long[] fanoutMissing = new long[n];
    for (int j = 0; j < n; j++) {
      faninMissing[j] = snapshot.tasks().get(j).fanin().missing();
      fanoutMissing[j] = snapshot.tasks().get(j).fanout().missing();
    }
    List<PendingEvent> pending = snapshot.pending().orElse(com.google.common.collect.ImmutableList.of());
    boolean alive = snapshot.pending().isEmpty() || !pending.isEmpty();
    boolean[] named = new boolean[n];
    pending.forEach(e -> e.task().ifPresent(t -> named[(int) (t - model.base())] = true));
    boolean acting = snapshot.orchestrator().kind() == OrchestratorState.Kind.RUNNING;
    int head = (int) (snapshot.rings().get(0).lastAlive() - model.base());
    boolean headWasConsumed = state[head] == TaskState.CONSUMED;
    boolean[] consumedByTransition = new boolean[n];

    boolean changed = true;
    while (changed) {
      changed = false;
      if (acting) {
        for (int s = 1; s < scopeOpen.length; s++) {
          if (scopeOpen[s]) {
            scopeOpen[s] = false;
            for (int j = 0; j < n; j++) {
              if (model.scopeOf()[j] == s) {
                changed |= releaseFanout(j, state, fanoutMissing, consumedByTransition);
              }
            }
          }
        }
        for (int j = 0; j < n; j++) {
          if (!published[j]) {
            published[j] = true;
            faninMissing[j]--;
            changed = true;
            makeReady(j, state, faninMissing);
          }
        }
      }
      for (int j = 0; j < n; j++) {
        if (named[j] && state[j] == TaskState.PENDING && faninMissing[j] == 0 && !hidden(snapshot, j)) {
          state[j] = TaskState.READY; // a pending event delivers the lost READY transition
          changed = true;
        }
        if (named[j] && state[j] == TaskState.COMPLETED && fanoutMissing[j] == 0) {
          state[j] = TaskState.CONSUMED;
          consumedByTransition[j] = true;
          changed = true;
        }
        if (alive && (state[j] == TaskState.READY || state[j] == TaskState.RUNNING)) {
          state[j] = TaskState.COMPLETED;
          changed = true;
          if (fanoutMissing[j] == 0) {
            state[j] = TaskState.CONSUMED;
            consumedByTransition[j] = true;
          }
          for (int c = 0; c < n; c++) {
            if (edge[j][c]) {
              faninMissing[c]--;
              makeReady(c, state, faninMissing);
            }
          }
          for (int p = 0; p < n; p++) {
            if (edge[p][j]) {
              releaseFanout(p, state, fanoutMissing, consumedByTransition);
            }
          }
        }
      }
    }
    if (!headWasConsumed) {
      return consumedByTransition[head];
    }
    boolean advanceEvent = pending.stream().anyMatch(e -> e.kind().equals("advance"));
    for (int j = head + 1; j < n; j++) {
      advanceEvent |= consumedByTransition[j];
    }
    return advanceEvent;
  }

  private static boolean hidden(Snapshot snapshot, int j) {
    return snapshot.tasks().get(j).neverDispatched();
  }

  private static void makeReady(int j, TaskState[] state, long[] faninMissing) {
    if (state[j] == TaskState.PENDING && faninMissing[j] == 0) {
      state[j] = TaskState.READY;
    }
  }

  private static boolean releaseFanout(int j, TaskState[] state, long[] fanoutMissing, boolean[] consumed) {
    fanoutMissing[j]--;
    if (state[j] == TaskState.COMPLETED && fanoutMissing[j] == 0) {
      state[j] = TaskState.CONSUMED;
      consumed[j] = true;
    }
    return true;
  }
}
