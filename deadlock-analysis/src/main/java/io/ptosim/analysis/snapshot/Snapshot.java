package io.ptosim.analysis.snapshot;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.ptosim.analysis.internal.LongIntMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the runtime looked like when the orchestrator's allocation stalled: the live tasks, what is
 * known of their dependencies, rings, scopes, the orchestrator, and (from a simulation) the events
 * still scheduled.
 *
 * @param tasks live tasks, ids unique
 * @param edges dependency edges; empty when unknown (a bare device dump)
 * @param rings one record per ring that holds tasks or is waited on
 * @param scopes recorded scopes; a task naming an unrecorded scope counts its scope as ended
 * @param orchestrator the orchestrator's state
 * @param pending events a simulation still had scheduled; empty when not from a simulation
 * @param evidence device trace lines
 */
public record Snapshot(
    ImmutableList<TaskRecord> tasks,
    Optional<ImmutableList<Edge>> edges,
    ImmutableList<RingRecord> rings,
    ImmutableList<ScopeRecord> scopes,
    OrchestratorState orchestrator,
    Optional<ImmutableList<PendingEvent>> pending,
    ImmutableList<TraceEvidence> evidence) {

  /**
   * Checks the structure a checker relies on: unique task ids, ring numbers and scope ids, a ring
   * record for every ring a task lives in or the orchestrator waits on, and a scope record for the
   * scope of a blocked submit. Everything the runtime could get wrong is left to the checker, which
   * reports it as an invariant violation.
   */
  public Snapshot {
    checkNotNull(tasks, "tasks");
    checkNotNull(edges, "edges");
    checkNotNull(rings, "rings");
    checkNotNull(scopes, "scopes");
    checkNotNull(orchestrator, "orchestrator");
    checkNotNull(pending, "pending");
    checkNotNull(evidence, "evidence");
    LongIntMap ringIds = new LongIntMap(rings.size());
    for (RingRecord ring : rings) {
      checkArgument(ringIds.putIfAbsent(ring.ring(), 0) < 0, "duplicate ring %s", ring.ring());
    }
    LongIntMap scopeIds = new LongIntMap(scopes.size());
    for (ScopeRecord scope : scopes) {
      checkArgument(scopeIds.putIfAbsent(scope.id(), 0) < 0, "duplicate scope %s", scope.id());
    }
    int defaultRing = defaultRing(rings);
    boolean increasing = true;
    for (int i = 0; i < tasks.size(); i++) {
      TaskRecord task = tasks.get(i);
      increasing &= i == 0 || tasks.get(i - 1).id() < task.id();
      int ring = task.ring().orElse(defaultRing);
      checkArgument(ringIds.get(ring) >= 0, "task %s lives in ring %s, which has no record", task.id(), ring);
    }
    if (!increasing) {
      // Strictly increasing ids (what a simulation hands over) are unique without a lookup.
      LongIntMap taskIds = new LongIntMap(tasks.size());
      for (TaskRecord task : tasks) {
        checkArgument(taskIds.putIfAbsent(task.id(), 0) < 0, "duplicate task id %s", task.id());
      }
    }
    if (orchestrator instanceof OrchestratorState.Blocked blocked) {
      checkArgument(
          ringIds.get(blocked.ring()) >= 0,
          "orchestrator waits on ring %s, which has no record",
          blocked.ring());
      checkArgument(
          blocked.scope().isEmpty() || scopeIds.get(blocked.scope().getAsLong()) >= 0,
          "the blocked submit's scope %s has no record",
          blocked.scope().orElse(-1));
    }
  }

  /** A builder that applies the contract's defaults for absent records. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether dependency edges are known (then the checker's verdict is exact). */
  public boolean edgesKnown() {
    return edges.isPresent();
  }

  /** The ring of tasks without a ring token: the only ring when there is one, else ring 0. */
  public int defaultRing() {
    return defaultRing(rings);
  }

  /** The ring {@code task} lives in. */
  public int ringOf(TaskRecord task) {
    return task.ring().orElse(defaultRing());
  }

  /** The record of ring {@code number}. */
  public Optional<RingRecord> ring(int number) {
    return rings.stream().filter(r -> r.ring() == number).findFirst();
  }

  /** The ring the stall question is about: the one the orchestrator waits on, else the default. */
  public int targetRing() {
    return orchestrator instanceof OrchestratorState.Blocked blocked ? blocked.ring() : defaultRing();
  }

  private static int defaultRing(List<RingRecord> rings) {
    return rings.size() == 1 ? rings.get(0).ring() : 0;
  }

  /**
   * Collects records and fills in what the contract defaults: a ring record per ring holding
   * tasks (last_alive = smallest id, current = largest + 1, window 16384), and an orchestrator
   * blocked on the task ring of the default ring. Scopes without records count as closed.
   */
  public static final class Builder {
    private final List<TaskRecord> tasks = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private boolean edgesKnown;
    private final List<RingRecord> rings = new ArrayList<>();
    private final List<ScopeRecord> scopes = new ArrayList<>();
    private Optional<OrchestratorState> orchestrator = Optional.empty();
    private final List<PendingEvent> pending = new ArrayList<>();
    private boolean pendingKnown;
    private final List<TraceEvidence> evidence = new ArrayList<>();

    private Builder() {}

    /** Adds a task. */
    public Builder addTask(TaskRecord task) {
      tasks.add(checkNotNull(task, "task"));
      return this;
    }

    /** Adds tasks in order. */
    public Builder addTasks(Iterable<TaskRecord> newTasks) {
      newTasks.forEach(this::addTask);
      return this;
    }

    /** Adds an edge; the snapshot's edges become known. */
    public Builder addEdge(Edge edge) {
      edges.add(checkNotNull(edge, "edge"));
      edgesKnown = true;
      return this;
    }

    /** Adds edge {@code producer->consumer}; the snapshot's edges become known. */
    public Builder addEdge(long producer, long consumer) {
      return addEdge(new Edge(producer, consumer));
    }

    /** Declares the edges known even if none are added: the tasks have no dependencies. */
    public Builder edgesKnown() {
      edgesKnown = true;
      return this;
    }

    /** Adds a ring record. */
    public Builder addRing(RingRecord ring) {
      rings.add(checkNotNull(ring, "ring"));
      return this;
    }

    /** Adds a scope record. */
    public Builder addScope(ScopeRecord scope) {
      scopes.add(checkNotNull(scope, "scope"));
      return this;
    }

    /** Sets the orchestrator's state (default: blocked on the default ring's task ring). */
    public Builder orchestrator(OrchestratorState state) {
      orchestrator = Optional.of(checkNotNull(state, "orchestrator"));
      return this;
    }

    /** Adds an event the simulation still has scheduled; the snapshot becomes a simulation's. */
    public Builder addPending(PendingEvent event) {
      pending.add(checkNotNull(event, "event"));
      pendingKnown = true;
      return this;
    }

    /** Adds the events a simulation still has scheduled (possibly none: then nothing will happen). */
    public Builder pending(Iterable<PendingEvent> events) {
      pendingKnown = true;
      events.forEach(this::addPending);
      return this;
    }

    /** Declares the snapshot a simulation's, even if nothing is scheduled any more. */
    public Builder pendingKnown() {
      pendingKnown = true;
      return this;
    }

    /** Adds a trace line as evidence. */
    public Builder addEvidence(TraceEvidence trace) {
      evidence.add(checkNotNull(trace, "trace"));
      return this;
    }

    /** The snapshot, with defaults applied. */
    public Snapshot build() {
      ImmutableList<RingRecord> described = withDefaultRings();
      OrchestratorState state =
          orchestrator.orElseGet(
              () -> new OrchestratorState.Blocked(WaitResource.TASK_RING, defaultRing(described)));
      ImmutableList<RingRecord> allRings = described;
      if (state instanceof OrchestratorState.Blocked blocked
          && described.stream().noneMatch(r -> r.ring() == blocked.ring())) {
        // Waiting on a ring nobody described: record it empty so the checker can say so.
        allRings =
            ImmutableList.<RingRecord>builder()
                .addAll(described)
                .add(new RingRecord(blocked.ring(), RingRecord.DEFAULT_WINDOW, 0, 0))
                .build();
      }
      return new Snapshot(
          ImmutableList.copyOf(tasks),
          edgesKnown ? Optional.of(ImmutableList.copyOf(edges)) : Optional.empty(),
          allRings,
          ImmutableList.copyOf(scopes),
          state,
          pendingKnown ? Optional.of(ImmutableList.copyOf(pending)) : Optional.empty(),
          ImmutableList.copyOf(evidence));
    }

    private ImmutableList<RingRecord> withDefaultRings() {
      TreeMap<Integer, long[]> spans = new TreeMap<>();
      for (TaskRecord task : tasks) {
        task.ring().ifPresent(ring -> widen(spans, ring, task.id()));
      }
      // The rings the snapshot will describe; tasks without a token join the only one, else ring 0.
      TreeSet<Integer> described = new TreeSet<>(spans.keySet());
      rings.forEach(r -> described.add(r.ring()));
      orchestrator
          .filter(OrchestratorState.Blocked.class::isInstance)
          .ifPresent(o -> described.add(((OrchestratorState.Blocked) o).ring()));
      int defaultRing = described.size() == 1 ? described.first() : 0;
      for (TaskRecord task : tasks) {
        if (task.ring().isEmpty()) {
          widen(spans, defaultRing, task.id());
        }
      }
      ImmutableList.Builder<RingRecord> all = ImmutableList.<RingRecord>builder().addAll(rings);
      spans.forEach(
          (ring, span) -> {
            if (rings.stream().noneMatch(r -> r.ring() == ring)) {
              all.add(new RingRecord(ring, RingRecord.DEFAULT_WINDOW, span[0], span[1] + 1));
            }
          });
      ImmutableList<RingRecord> result = all.build();
      if (result.isEmpty()) {
        // No task and no ring: still describe the ring the default orchestrator waits on.
        return ImmutableList.of(new RingRecord(0, RingRecord.DEFAULT_WINDOW, 0, 0));
      }
      return result;
    }

    private static void widen(TreeMap<Integer, long[]> spans, int ring, long id) {
      long[] span = spans.computeIfAbsent(ring, r -> new long[] {id, id});
      span[0] = Math.min(span[0], id);
      span[1] = Math.max(span[1], id);
    }
  }
}
