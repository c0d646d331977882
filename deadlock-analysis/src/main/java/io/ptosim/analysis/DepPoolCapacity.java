package io.ptosim.analysis;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.ptosim.analysis.graph.WaitVertex;
import io.ptosim.analysis.snapshot.DepPoolRecord;
import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.RingRecord;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.snapshot.WaitResource;
import io.ptosim.analysis.verdict.RealDeadlock;
import io.ptosim.analysis.verdict.WitnessStep;
import java.util.Optional;

/**
 * The capacity rule of the dependency pool: the orchestrator blocked in {@code ensure_space} needs
 * more entries than are free, and the pool returns entries only at a reclaim once last_alive has
 * reached the recorded point. While the orchestrator is blocked nothing allocates, so last_alive
 * can never pass the ring's current; when current is short of that point no entry ever comes back,
 * whatever retires: a certain deadlock, found without the wait-for graph. When a reclaim is still
 * reachable the rule says nothing and the wait-for graph decides.
 */
final class DepPoolCapacity {
  private final Optional<RealDeadlock> deadlock;

  /** Applies the rule to {@code snapshot}. */
  DepPoolCapacity(Snapshot snapshot) {
    checkNotNull(snapshot, "snapshot");
    deadlock = snapshot.orchestrator() instanceof OrchestratorState.Blocked blocked
            && blocked.waiting() == WaitResource.DEP_POOL
        ? snapshot.ring(blocked.ring()).flatMap(ring -> judge(blocked, ring))
        : Optional.empty();
  }

  private static Optional<RealDeadlock> judge(OrchestratorState.Blocked blocked, RingRecord ring) {
    if (ring.depPool().isEmpty()) {
      return Optional.empty();
    }
    DepPoolRecord pool = ring.depPool().get();
    long needed = blocked.needed();
    if (needed <= pool.free() || ring.current() >= pool.reclaimAt()) {
      return Optional.empty();
    }
    int r = ring.ring();
    WaitVertex orchestrator = new WaitVertex.Orchestrator();
    WaitVertex head = new WaitVertex.RingHead(r, WaitResource.DEP_POOL, ring.lastAlive());
    ImmutableList<WitnessStep> witness = ImmutableList.of(
        new WitnessStep(orchestrator, "orchestrator blocked on dep_pool of ring " + r + " needs " + needed
            + " entries; " + pool.used() + "/" + pool.size() + " are taken (" + pool.free() + " free)"),
        new WitnessStep(head, "the pool returns entries only once last_alive reaches " + pool.reclaimAt()
            + ", but ring " + r + "'s current is " + ring.current() + " and only the blocked orchestrator allocates"),
        new WitnessStep(orchestrator, "orchestrator: no entry can come back, it cannot continue"));
    return Optional.of(new RealDeadlock(
        "The blocked orchestrator needs " + needed + " dependency entries of ring " + r + ", which has "
            + pool.free() + " of " + pool.size() + " free and reclaims only once last_alive reaches "
            + pool.reclaimAt() + ", beyond current " + ring.current()
            + ": the pool can never get entries back (capacity).",
        witness,
        ImmutableList.of()));
  }

  /** The capacity deadlock, when the rule applies. */
  Optional<RealDeadlock> deadlock() {
    return deadlock;
  }
}
