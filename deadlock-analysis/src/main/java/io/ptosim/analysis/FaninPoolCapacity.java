package io.ptosim.analysis;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.ptosim.analysis.graph.WaitVertex;
import io.ptosim.analysis.snapshot.FaninPoolRecord;
import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.RingRecord;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.snapshot.WaitResource;
import io.ptosim.analysis.verdict.RealDeadlock;
import io.ptosim.analysis.verdict.WitnessStep;
import java.util.Optional;

/**
 * The capacity rule of the fanin spill pool: the orchestrator blocked in its {@code ensure_space}
 * needs more entries than the pool can ever have free while it waits. A task's entries come back
 * only once last_alive has passed it, and the blocked submit's own entries cannot (it retires only
 * after its submit finishes), so when the pool's size less those entries is short of the need, no
 * retirement helps: a certain deadlock, found without the wait-for graph. Otherwise the entries of
 * older tasks come back as they retire and the wait-for graph decides.
 */
final class FaninPoolCapacity {
  private final Optional<RealDeadlock> deadlock;

  /** Applies the rule to {@code snapshot}. */
  FaninPoolCapacity(Snapshot snapshot) {
    checkNotNull(snapshot, "snapshot");
    deadlock = snapshot.orchestrator() instanceof OrchestratorState.Blocked blocked
            && blocked.waiting() == WaitResource.FANIN_POOL
        ? snapshot.ring(blocked.ring()).flatMap(ring -> judge(blocked, ring))
        : Optional.empty();
  }

  private static Optional<RealDeadlock> judge(OrchestratorState.Blocked blocked, RingRecord ring) {
    if (ring.faninPool().isEmpty()) {
      return Optional.empty();
    }
    FaninPoolRecord pool = ring.faninPool().get();
    long needed = Math.max(1, blocked.needed());
    if (needed <= pool.reachable()) {
      return Optional.empty();
    }
    int r = ring.ring();
    WaitVertex orchestrator = new WaitVertex.Orchestrator();
    WaitVertex head = new WaitVertex.RingHead(r, WaitResource.FANIN_POOL, ring.lastAlive());
    ImmutableList<WitnessStep> witness = ImmutableList.of(
        new WitnessStep(orchestrator, "orchestrator blocked on fanin_pool of ring " + r + " needs " + needed
            + " entries; " + pool.used() + "/" + pool.size() + " are taken, " + pool.held()
            + " of them by the blocked submit itself"),
        new WitnessStep(head, "a task's spill entries come back only once last_alive passes it; the blocked submit's "
            + pool.held() + " cannot, so at most " + pool.reachable() + " can ever be free"),
        new WitnessStep(orchestrator, "orchestrator: the pool can never hold the next fanin edge, it cannot continue"));
    return Optional.of(new RealDeadlock(
        "The blocked orchestrator needs " + needed + " fanin spill entries of ring " + r + ", whose pool of "
            + pool.size() + " already holds " + pool.held() + " of the blocked submit's own edges, which come back"
            + " only after it retires: the pool can never hold its fanin (capacity).",
        witness,
        ImmutableList.of()));
  }

  /** The capacity deadlock, when the rule applies. */
  Optional<RealDeadlock> deadlock() {
    return deadlock;
  }
}
