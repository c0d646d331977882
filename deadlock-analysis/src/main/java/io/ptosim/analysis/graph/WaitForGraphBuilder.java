package io.ptosim.analysis.graph;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.ptosim.analysis.internal.LongIntMap;
import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.ScopeRecord;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.snapshot.TaskRecord;
import io.ptosim.analysis.snapshot.TaskState;
import io.ptosim.analysis.snapshot.WaitResource;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the wait-for graph of a checked snapshot from its {@link Dependencies}.
 *
 * <p>Vertices, in this order: the orchestrator, the scheduler, the waited ring head, the end of
 * every open scope, the completion of every unfinished task, the retirement of later tasks when
 * the head is already CONSUMED (any of them would advance last_alive), and wake-ups for
 * transitions that were due but did not happen. Edges follow the runtime rules (see
 * {@link WaitKind}); while the orchestrator is blocked it waits for the head, and publish and
 * scope end wait for it. One pass, O(tasks + edges).
 */
public final class WaitForGraphBuilder {
  private final TaskIndex index;
  private final Dependencies dependencies;
  private final Snapshot snapshot;
  private final Triggers triggers;
  private byte[] vertexKind;
  private long[] subject;
  private int vertices;
  private final IntList sources;
  private final IntList targets;
  private byte[] edgeKind;
  private final BitSet inferred = new BitSet();
  private final BitSet dead = new BitSet();
  private final BitSet anyOf = new BitSet();
  private final int[] taskVertex;
  private final LongIntMap scopeVertex = new LongIntMap(16);
  private final LongIntMap wakeupVertex = new LongIntMap(16);

  private WaitForGraphBuilder(Dependencies dependencies) {
    this.dependencies = checkNotNull(dependencies, "dependencies");
    this.index = dependencies.index();
    this.snapshot = index.snapshot();
    this.triggers = new Triggers(index);
    this.taskVertex = new int[index.size()];
    // Most tasks wait for their producers and one more thing: size the edge lists for that.
    int estimate = index.size() + 16;
    for (int i = 0; i < index.size(); i++) {
      estimate += dependencies.producerCount(i) + (dependencies.unpublished(i) ? 1 : 0);
    }
    this.sources = new IntList(estimate);
    this.targets = new IntList(estimate);
    this.edgeKind = new byte[estimate];
    this.vertexKind = new byte[index.size() + 16];
    this.subject = new long[index.size() + 16];
  }

  /**
   * The wait-for graph for the ring the orchestrator waits on (or the default ring when it is not
   * blocked). The ring's head task must be in the snapshot.
   */
  public static WaitForGraph build(Dependencies dependencies) {
    return new WaitForGraphBuilder(dependencies).assemble();
  }

  private WaitForGraph assemble() {
    int ring = snapshot.targetRing();
    int position = index.ringPosition(ring);
    checkArgument(position >= 0, "no ring %s", ring);
    long headId = index.ring(position).lastAlive();
    int head = index.find(headId);
    checkArgument(head >= 0 && index.ringOf(head) == ring, "ring %s head task %s is missing", ring, headId);
    WaitResource resource =
        snapshot.orchestrator() instanceof OrchestratorState.Blocked blocked
            ? blocked.waiting()
            : WaitResource.TASK_RING;

    addVertex(WaitVertex.Kind.ORCHESTRATOR, 0);
    addVertex(WaitVertex.Kind.SCHEDULER, 0);
    addVertex(WaitVertex.Kind.RING_HEAD, headId);
    List<ScopeRecord> scopes = snapshot.scopes().stream()
        .filter(ScopeRecord::open)
        .sorted(Comparator.comparingLong(ScopeRecord::id))
        .toList();
    for (ScopeRecord scope : scopes) {
      scopeVertex.putIfAbsent(scope.id(), addVertex(WaitVertex.Kind.SCOPE_END, scope.id()));
    }
    Arrays.fill(taskVertex, -1);
    for (int i = 0; i < index.size(); i++) {
      if (!index.completed(i)) {
        taskVertex[i] = addVertex(WaitVertex.Kind.TASK, index.id(i));
      }
    }
    boolean headConsumed = index.task(head).state() == TaskState.CONSUMED;
    // Retirements of later tasks only matter when the head is already CONSUMED.
    int[] retirementVertex = new int[headConsumed ? index.size() : 0];
    Arrays.fill(retirementVertex, -1);
    int[] retirement = new int[0];
    int firstLater = head + 1;
    if (headConsumed) {
      int end = index.ringEnd(position);
      retirement = new int[end - firstLater];
      for (int i = firstLater; i < end; i++) {
        retirement[i - firstLater] =
            index.task(i).state() == TaskState.CONSUMED
                ? -1
                : addVertex(WaitVertex.Kind.RETIREMENT, index.task(i).id());
        retirementVertex[i] = retirement[i - firstLater];
      }
    }

    switch (snapshot.orchestrator().kind()) {
      case BLOCKED -> addEdge(WaitForGraph.ORCHESTRATOR, WaitForGraph.HEAD, WaitKind.ALLOCATION, false);
      case RUNNING -> { } // it will publish and end scopes: a source
      case FINISHED -> dead.set(WaitForGraph.ORCHESTRATOR);
    }
    if (!triggers.schedulerAlive()) {
      dead.set(WaitForGraph.SCHEDULER);
    }
    if (headConsumed) {
      anyOf.set(WaitForGraph.HEAD);
      boolean later = Arrays.stream(retirement).anyMatch(r -> r >= 0);
      if (!later && !triggers.advances(head)) {
        // Nothing can advance last_alive any more.
        dead.set(WaitForGraph.HEAD);
      } else {
        // The advance past a CONSUMED head is due at once: an alternative whatever later tasks
        // wait for, dead unless a pending advance event delivers it; first, so that it is the
        // witness of a lost advance.
        addEdge(WaitForGraph.HEAD, advanceWakeup(head), WaitKind.WAKEUP, false);
      }
      for (int r = 0; r < retirement.length; r++) {
        if (retirement[r] >= 0) {
          addEdge(WaitForGraph.HEAD, retirement[r], WaitKind.ADVANCE, false);
        }
      }
    } else {
      retirementEdges(WaitForGraph.HEAD, head);
    }
    for (ScopeRecord scope : scopes) {
      addEdge(scopeVertex.get(scope.id()), WaitForGraph.ORCHESTRATOR, WaitKind.SCOPE_END, false);
    }
    for (int i = 0; i < index.size(); i++) {
      if (taskVertex[i] >= 0) {
        completionEdges(taskVertex[i], i);
      }
    }
    for (int r = 0; r < retirement.length; r++) {
      if (retirement[r] >= 0) {
        retirementEdges(retirement[r], firstLater + r);
      }
    }
    return new WaitForGraph(
        index,
        taskVertex,
        retirementVertex,
        scopeVertex,
        wakeupVertex,
        new WaitVertex.RingHead(ring, resource, headId),
        Arrays.copyOf(vertexKind, vertices),
        Arrays.copyOf(subject, vertices),
        sources.size(),
        sources.array(),
        targets.array(),
        edgeKind,
        inferred,
        dead,
        anyOf);
  }

  /** What task {@code i}'s completion waits for. */
  private void completionEdges(int v, int i) {
    if (!index.pending(i)) {
      if (finishedNotCompleted(index, i)) {
        // Every block finished, yet not COMPLETED: only the recording of its completion is due (a deferred
        // completion's poll), which a pending event naming it delivers; nothing dispatches it again.
        addEdge(v, wakeup(i), WaitKind.WAKEUP, false);
        return;
      }
      addEdge(v, WaitForGraph.SCHEDULER, WaitKind.DISPATCH, false);
      return;
    }
    if (index.neverDispatched(i)) {
      // Hidden tasks are completed at submit; nothing else ever completes one.
      addEdge(v, wakeup(i), WaitKind.WAKEUP, false);
      return;
    }
    boolean guessed = dependencies.faninInferred(i);
    for (int k = 0; k < dependencies.producerCount(i); k++) {
      addEdge(v, taskVertex[dependencies.producer(i, k)], WaitKind.PRODUCER, guessed);
    }
    if (dependencies.unpublished(i)) {
      addEdge(v, WaitForGraph.ORCHESTRATOR, WaitKind.PUBLISH, guessed);
    } else if (dependencies.producerCount(i) == 0) {
      // Fanin complete yet PENDING: whoever released the last fanin should have made it READY.
      addEdge(v, wakeup(i), WaitKind.WAKEUP, false);
    }
    addEdge(v, WaitForGraph.SCHEDULER, WaitKind.DISPATCH, false);
  }

  /**
   * Whether task {@code i} (READY or RUNNING) finished every block in a simulation snapshot. A
   * simulation records a completion in the iteration that sees the last block finish, except a
   * deferred completion, which waits for the next poll of the async wait list (a pending
   * {@code complete} event names it). A device snapshot's counters are read while the scheduler
   * runs, so they mean nothing of the kind there.
   */
  public static boolean finishedNotCompleted(TaskIndex index, int i) {
    TaskRecord task = index.task(i);
    return index.snapshot().pending().isPresent() && !task.neverDispatched()
        && (task.state() == TaskState.READY || task.state() == TaskState.RUNNING)
        && task.done().done() == task.blockNum() && task.nextBlock() == task.blockNum();
  }

  /** What task {@code i} becoming CONSUMED waits for. */
  private void retirementEdges(int v, int i) {
    int before = sources.size();
    TaskRecord task = index.task(i);
    if (index.scopeOpen(i)) {
      addEdge(v, scopeVertex.get(task.scope().getAsLong()), WaitKind.SCOPE_REFERENCE, false);
    }
    if (taskVertex[i] >= 0) {
      addEdge(v, taskVertex[i], WaitKind.OWN_COMPLETION, false);
    }
    boolean guessed = dependencies.fanoutInferred(i);
    for (int k = 0; k < dependencies.consumerCount(i); k++) {
      addEdge(v, taskVertex[dependencies.consumer(i, k)], WaitKind.CONSUMER, guessed);
    }
    if (dependencies.deferredReleases(i) > 0) {
      addEdge(v, WaitForGraph.SCHEDULER, WaitKind.DEFERRED_RELEASE, guessed);
    }
    if (sources.size() == before) {
      // COMPLETED, every reference released, yet not CONSUMED: that transition was lost.
      addEdge(v, wakeup(i), WaitKind.WAKEUP, false);
    }
  }

  private int wakeup(int i) {
    long id = index.task(i).id();
    int existing = wakeupVertex.get(id);
    if (existing >= 0) {
      return existing;
    }
    int v = addVertex(WaitVertex.Kind.WAKEUP, id);
    wakeupVertex.putIfAbsent(id, v);
    if (!triggers.names(id) && !triggers.advances(i)) {
      dead.set(v);
    }
    return v;
  }

  /** The advance past CONSUMED head {@code i}: only a pending advance event delivers it. */
  private int advanceWakeup(int i) {
    long id = index.task(i).id();
    int v = addVertex(WaitVertex.Kind.WAKEUP, id);
    wakeupVertex.putIfAbsent(id, v);
    if (!triggers.advances(i)) {
      dead.set(v);
    }
    return v;
  }

  private int addVertex(WaitVertex.Kind kind, long id) {
    if (vertices == vertexKind.length) {
      vertexKind = Arrays.copyOf(vertexKind, vertices + (vertices >> 1) + 1);
      subject = Arrays.copyOf(subject, vertices + (vertices >> 1) + 1);
    }
    vertexKind[vertices] = (byte) kind.ordinal();
    subject[vertices] = id;
    return vertices++;
  }

  private void addEdge(int from, int to, WaitKind kind, boolean guessed) {
    int e = sources.size();
    if (e == edgeKind.length) {
      edgeKind = Arrays.copyOf(edgeKind, e + (e >> 1) + 1);
    }
    sources.add(from);
    targets.add(to);
    edgeKind[e] = (byte) kind.ordinal();
    if (guessed) {
      inferred.set(e);
    }
  }
}
