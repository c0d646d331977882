package io.ptosim.analysis;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.ptosim.analysis.graph.WaitVertex;
import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.RingRecord;
import io.ptosim.analysis.snapshot.ScopeRecord;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.snapshot.TaskRecord;
import io.ptosim.analysis.snapshot.WaitResource;
import io.ptosim.analysis.verdict.RealDeadlock;
import io.ptosim.analysis.verdict.WitnessStep;
import java.util.Optional;

/**
 * The capacity rule of a scope (upstream #277's pre-check, re-derived): the orchestrator's blocked
 * submit belongs to an open scope that already owns {@code window - 1} live tasks of the ring it
 * allocates from. A ring holds at most {@code window - 1} live tasks, each of the scope's keeps its
 * scope reference until scope_end, and the orchestrator ends that scope only after this submit: no
 * slot can ever free, whatever retires elsewhere — a certain deadlock, found without the wait-for
 * graph. With fewer tasks in the scope the rule says nothing and the graph decides.
 */
final class ScopeCapacity {
  private final Optional<RealDeadlock> deadlock;

  /** Applies the rule to {@code snapshot}. */
  ScopeCapacity(Snapshot snapshot) {
    checkNotNull(snapshot, "snapshot");
    deadlock = snapshot.orchestrator() instanceof OrchestratorState.Blocked blocked
            && blocked.waiting() == WaitResource.TASK_RING
            && blocked.scope().isPresent()
        ? snapshot.ring(blocked.ring()).flatMap(ring -> judge(snapshot, blocked, ring))
        : Optional.empty();
  }

  private static Optional<RealDeadlock> judge(Snapshot snapshot, OrchestratorState.Blocked blocked, RingRecord ring) {
    long id = blocked.scope().getAsLong();
    Optional<ScopeRecord> scope = snapshot.scopes().stream().filter(s -> s.id() == id).findFirst();
    if (scope.isEmpty() || !scope.get().open()) {
      return Optional.empty(); // an invariant violation, reported by InvariantCheck
    }
    int r = ring.ring();
    long owned = 0;
    for (TaskRecord task : snapshot.tasks()) {
      if (snapshot.ringOf(task) == r && task.scope().orElse(-1) == id
          && task.id() >= ring.lastAlive() && task.id() < ring.current()) {
        owned++;
      }
    }
    long window = ring.window();
    if (owned < window - 1) {
      return Optional.empty();
    }
    long needWindow = Long.highestOneBit(owned + 1) << 1;
    WaitVertex orchestrator = new WaitVertex.Orchestrator();
    ImmutableList<WitnessStep> witness = ImmutableList.of(
        new WitnessStep(orchestrator, "orchestrator blocked on task_ring of ring " + r + " must submit task "
            + (owned + 1) + " of scope " + id + " before it can end that scope"),
        new WitnessStep(new WaitVertex.RingHead(r, WaitResource.TASK_RING, ring.lastAlive()), "ring " + r
            + " holds at most " + (window - 1) + " live tasks of its " + window + " slots, and scope " + id
            + " owns " + owned + " of them, each keeping its scope reference"),
        new WitnessStep(new WaitVertex.ScopeEnd(id), "scope " + id
            + " end waits for the orchestrator: only it ends scopes, after this submit"),
        new WitnessStep(orchestrator, "orchestrator: no slot of ring " + r + " can free, it cannot continue"));
    return Optional.of(new RealDeadlock(
        "Scope " + id + " owns " + owned + " live tasks of ring " + r + ", which holds at most " + (window - 1)
            + " (window " + window + "); none retires before scope_end, and the blocked orchestrator must"
            + " submit one more task in that scope first: no slot can ever free (capacity). Raise"
            + " PTO2_RING_TASK_WINDOW above " + window + " (to at least " + needWindow + ") or split the scope.",
        witness,
        ImmutableList.of()));
  }

  /** The capacity deadlock, when the rule applies. */
  Optional<RealDeadlock> deadlock() {
    return deadlock;
  }
}
