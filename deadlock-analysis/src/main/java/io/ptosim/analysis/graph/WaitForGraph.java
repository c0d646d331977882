package io.ptosim.analysis.graph;

import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import io.ptosim.analysis.internal.LongIntMap;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.jgrapht.Graph;
import org.jgrapht.GraphType;
import org.jgrapht.graph.AbstractGraph;
import org.jgrapht.graph.DefaultGraphType;

/**
 * The wait-for graph of one stall: an immutable JGraphT {@link Graph} whose edge {@code u -> v}
 * means "u waits for v", stored as compact arrays (vertex 0 is the orchestrator, 1 the scheduler,
 * 2 the waited ring head) so that building and reducing it stays linear and cheap at 65,536 live
 * tasks. JGraphT algorithms and exporters see vertices and edges as {@link WaitVertex} and
 * {@link WaitEdge} values, in canonical order; the checker's own algorithms use the int API.
 *
 * <p>Besides its edges, each vertex has a rule: an AND vertex happens once all its targets have
 * (the default), an any-of vertex once one has ({@link #isAnyOf}), and a dead vertex never
 * happens by itself ({@link #isDead}): a scheduler with no pending event, a finished orchestrator,
 * a lost wake-up nothing will deliver.
 */
public final class WaitForGraph extends AbstractGraph<WaitVertex, WaitEdge> {
  /** Index of the orchestrator vertex. */
  public static final int ORCHESTRATOR = 0;
  /** Index of the scheduler vertex. */
  public static final int SCHEDULER = 1;
  /** Index of the ring head vertex. */
  public static final int HEAD = 2;

  private static final WaitVertex.Kind[] KINDS = WaitVertex.Kind.values();
  private static final WaitKind[] WAIT_KINDS = WaitKind.values();

  private final WaitVertex.RingHead head;
  private final byte[] vertexKind;
  private final long[] subject;
  private final int edgeCount;
  private final int[] edgeSource;
  private final int[] edgeTarget;
  private final byte[] edgeKind;
  private final BitSet edgeInferred;
  private final int[] outStart;
  private final int[] outEdges;
  private final int[] inStart;
  private final int[] inEdges;
  private final BitSet dead;
  private final BitSet anyOf;
  private final TaskIndex index;
  private final int[] taskVertex;
  private final int[] retirementVertex;
  private final LongIntMap scopeVertex;
  private final LongIntMap wakeupVertex;

  WaitForGraph(
      TaskIndex index,
      int[] taskVertex,
      int[] retirementVertex,
      LongIntMap scopeVertex,
      LongIntMap wakeupVertex,
      WaitVertex.RingHead head,
      byte[] vertexKind,
      long[] subject,
      int edgeCount,
      int[] edgeSource,
      int[] edgeTarget,
      byte[] edgeKind,
      BitSet edgeInferred,
      BitSet dead,
      BitSet anyOf) {
    this.index = checkNotNull(index, "index");
    this.taskVertex = taskVertex;
    this.retirementVertex = retirementVertex;
    this.scopeVertex = scopeVertex;
    this.wakeupVertex = wakeupVertex;
    this.head = checkNotNull(head, "head");
    this.vertexKind = vertexKind;
    this.subject = subject;
    this.edgeCount = edgeCount;
    this.edgeSource = edgeSource;
    this.edgeTarget = edgeTarget;
    this.edgeKind = edgeKind;
    this.edgeInferred = edgeInferred;
    this.dead = dead;
    this.anyOf = anyOf;
    int n = vertexKind.length;
    outStart = new int[n + 1];
    inStart = new int[n + 1];
    outEdges = group(edgeSource, edgeCount, outStart);
    inEdges = group(edgeTarget, edgeCount, inStart);
  }

  /** Stable counting sort of edge ids by endpoint: per vertex, edges keep insertion order. */
  private static int[] group(int[] endpoint, int edges, int[] start) {
    int n = start.length - 1;
    for (int e = 0; e < edges; e++) {
      start[endpoint[e] + 1]++;
    }
    for (int v = 0; v < n; v++) {
      start[v + 1] += start[v];
    }
    int[] grouped = new int[edges];
    // Fill each group from its end, edges in reverse, so groups keep insertion order; this
    // leaves start[v] pointing at group v's first entry again.
    for (int v = 0; v < n; v++) {
      start[v] = start[v + 1];
    }
    for (int e = edges - 1; e >= 0; e--) {
      grouped[--start[endpoint[e]]] = e;
    }
    return grouped;
  }

  // ---- int API -------------------------------------------------------------------------------

  /** Number of vertices. */
  public int vertexCount() {
    return vertexKind.length;
  }

  /** Number of edges. */
  public int edgeCount() {
    return edgeCount;
  }

  /** The ring head vertex (index {@link #HEAD}). */
  public WaitVertex.RingHead head() {
    return head;
  }

  /** The type of vertex {@code v}. */
  public WaitVertex.Kind kindOf(int v) {
    return KINDS[vertexKind[v]];
  }

  /** The task or scope id vertex {@code v} is about (the head task for the head, 0 otherwise). */
  public long subjectOf(int v) {
    return subject[v];
  }

  /** Vertex {@code v} as a value. */
  public WaitVertex vertex(int v) {
    checkElementIndex(v, vertexKind.length);
    long id = subject[v];
    return switch (kindOf(v)) {
      case ORCHESTRATOR -> new WaitVertex.Orchestrator();
      case SCHEDULER -> new WaitVertex.Scheduler();
      case RING_HEAD -> head;
      case SCOPE_END -> new WaitVertex.ScopeEnd(id);
      case TASK -> new WaitVertex.Task(id);
      case RETIREMENT -> new WaitVertex.Retirement(id);
      case WAKEUP -> new WaitVertex.Wakeup(id);
    };
  }

  /** The index of {@code vertex}, or -1 when it is not in the graph. */
  public int indexOf(WaitVertex vertex) {
    checkNotNull(vertex, "vertex");
    return switch (vertex.kind()) {
      case ORCHESTRATOR -> ORCHESTRATOR;
      case SCHEDULER -> SCHEDULER;
      case RING_HEAD -> head.equals(vertex) ? HEAD : -1;
      case SCOPE_END -> scopeVertex.get(((WaitVertex.ScopeEnd) vertex).scope());
      case TASK -> byTask(taskVertex, ((WaitVertex.Task) vertex).task());
      case RETIREMENT -> byTask(retirementVertex, ((WaitVertex.Retirement) vertex).task());
      case WAKEUP -> wakeupVertex.get(((WaitVertex.Wakeup) vertex).task());
    };
  }

  private int byTask(int[] vertexOfTask, long id) {
    int i = index.find(id);
    return i < 0 || i >= vertexOfTask.length ? -1 : vertexOfTask[i];
  }

  /** Whether {@code v} never happens by itself. */
  public boolean isDead(int v) {
    return dead.get(v);
  }

  /** Whether {@code v} happens once any one of its targets has (otherwise: once all have). */
  public boolean isAnyOf(int v) {
    return anyOf.get(v);
  }

  /** Number of edges leaving {@code v}. */
  public int outDegree(int v) {
    return outStart[v + 1] - outStart[v];
  }

  /** The {@code k}-th edge leaving {@code v}, in insertion order. */
  public int outEdge(int v, int k) {
    return outEdges[outStart[v] + k];
  }

  /** Number of edges entering {@code v}. */
  public int inDegree(int v) {
    return inStart[v + 1] - inStart[v];
  }

  /** The {@code k}-th edge entering {@code v}, in insertion order. */
  public int inEdge(int v, int k) {
    return inEdges[inStart[v] + k];
  }

  /** The waiting end of edge {@code e}. */
  public int source(int e) {
    return edgeSource[e];
  }

  /** The awaited end of edge {@code e}. */
  public int target(int e) {
    return edgeTarget[e];
  }

  /** Why edge {@code e} waits. */
  public WaitKind waitKind(int e) {
    return WAIT_KINDS[edgeKind[e]];
  }

  /** Whether edge {@code e} was assumed from counters. */
  public boolean isInferred(int e) {
    return edgeInferred.get(e);
  }

  /** Edge {@code e} as a value. */
  public WaitEdge edge(int e) {
    checkElementIndex(e, edgeCount);
    return new WaitEdge(vertex(edgeSource[e]), vertex(edgeTarget[e]), waitKind(e), isInferred(e));
  }

  /** The first edge from {@code u} to {@code v}, or -1. */
  public int edgeBetween(int u, int v) {
    for (int k = 0; k < outDegree(u); k++) {
      if (edgeTarget[outEdge(u, k)] == v) {
        return outEdge(u, k);
      }
    }
    return -1;
  }

  private int indexOfEdge(Object o) {
    if (!(o instanceof WaitEdge edge)) {
      return -1;
    }
    int u = indexOf(edge.source());
    int v = u < 0 ? -1 : indexOf(edge.target());
    if (v < 0) {
      return -1;
    }
    for (int k = 0; k < outDegree(u); k++) {
      int e = outEdge(u, k);
      if (edgeTarget[e] == v && waitKind(e) == edge.kind() && isInferred(e) == edge.inferred()) {
        return e;
      }
    }
    return -1;
  }

  private int require(WaitVertex vertex) {
    int v = indexOf(vertex);
    if (v < 0) {
      throw new IllegalArgumentException("no such vertex: " + vertex);
    }
    return v;
  }

  // ---- JGraphT Graph API (read-only) ---------------------------------------------------------

  @Override
  public Set<WaitEdge> getAllEdges(WaitVertex sourceVertex, WaitVertex targetVertex) {
    int u = indexOf(sourceVertex);
    int v = indexOf(targetVertex);
    if (u < 0 || v < 0) {
      return null; // JGraphT's contract for absent vertices
    }
    Set<WaitEdge> edges = new LinkedHashSet<>();
    for (int k = 0; k < outDegree(u); k++) {
      if (edgeTarget[outEdge(u, k)] == v) {
        edges.add(edge(outEdge(u, k)));
      }
    }
    return edges;
  }

  @Override
  public WaitEdge getEdge(WaitVertex sourceVertex, WaitVertex targetVertex) {
    int u = indexOf(sourceVertex);
    int v = indexOf(targetVertex);
    int e = u < 0 || v < 0 ? -1 : edgeBetween(u, v);
    return e < 0 ? null : edge(e); // JGraphT's contract: null when there is no edge
  }

  @Override
  public Supplier<WaitVertex> getVertexSupplier() {
    return null; // immutable: no vertices are ever created
  }

  @Override
  public Supplier<WaitEdge> getEdgeSupplier() {
    return null; // immutable: no edges are ever created
  }

  @Override
  public WaitEdge addEdge(WaitVertex sourceVertex, WaitVertex targetVertex) {
    throw new UnsupportedOperationException("the wait-for graph is immutable");
  }

  @Override
  public boolean addEdge(WaitVertex sourceVertex, WaitVertex targetVertex, WaitEdge e) {
    throw new UnsupportedOperationException("the wait-for graph is immutable");
  }

  @Override
  public WaitVertex addVertex() {
    throw new UnsupportedOperationException("the wait-for graph is immutable");
  }

  @Override
  public boolean addVertex(WaitVertex v) {
    throw new UnsupportedOperationException("the wait-for graph is immutable");
  }

  @Override
  public boolean containsEdge(WaitEdge e) {
    return indexOfEdge(e) >= 0;
  }

  @Override
  public boolean containsVertex(WaitVertex v) {
    return v != null && indexOf(v) >= 0;
  }

  @Override
  public Set<WaitEdge> edgeSet() {
    return new IndexedSet<>(edgeCount, this::edge, o -> indexOfEdge(o) >= 0);
  }

  @Override
  public int degreeOf(WaitVertex vertex) {
    int v = require(vertex);
    return inDegree(v) + outDegree(v);
  }

  @Override
  public Set<WaitEdge> edgesOf(WaitVertex vertex) {
    Set<WaitEdge> edges = new LinkedHashSet<>(outgoingEdgesOf(vertex));
    edges.addAll(incomingEdgesOf(vertex));
    return edges;
  }

  @Override
  public int inDegreeOf(WaitVertex vertex) {
    return inDegree(require(vertex));
  }

  @Override
  public Set<WaitEdge> incomingEdgesOf(WaitVertex vertex) {
    int v = require(vertex);
    return new IndexedSet<>(
        inDegree(v), k -> edge(inEdge(v, k)), o -> {
          int e = indexOfEdge(o);
          return e >= 0 && edgeTarget[e] == v;
        });
  }

  @Override
  public int outDegreeOf(WaitVertex vertex) {
    return outDegree(require(vertex));
  }

  @Override
  public Set<WaitEdge> outgoingEdgesOf(WaitVertex vertex) {
    int v = require(vertex);
    return new IndexedSet<>(
        outDegree(v), k -> edge(outEdge(v, k)), o -> {
          int e = indexOfEdge(o);
          return e >= 0 && edgeSource[e] == v;
        });
  }

  @Override
  public WaitEdge removeEdge(WaitVertex sourceVertex, WaitVertex targetVertex) {
    throw new UnsupportedOperationException("the wait-for graph is immutable");
  }

  @Override
  public boolean removeEdge(WaitEdge e) {
    throw new UnsupportedOperationException("the wait-for graph is immutable");
  }

  @Override
  public boolean removeVertex(WaitVertex v) {
    throw new UnsupportedOperationException("the wait-for graph is immutable");
  }

  @Override
  public Set<WaitVertex> vertexSet() {
    return new IndexedSet<>(
        vertexKind.length, this::vertex, o -> o instanceof WaitVertex w && indexOf(w) >= 0);
  }

  @Override
  public WaitVertex getEdgeSource(WaitEdge e) {
    return e.source();
  }

  @Override
  public WaitVertex getEdgeTarget(WaitEdge e) {
    return e.target();
  }

  @Override
  public GraphType getType() {
    return DefaultGraphType.directedSimple().asUnmodifiable();
  }

  @Override
  public double getEdgeWeight(WaitEdge e) {
    return Graph.DEFAULT_EDGE_WEIGHT;
  }

  @Override
  public void setEdgeWeight(WaitEdge e, double weight) {
    throw new UnsupportedOperationException("the wait-for graph is immutable");
  }
}
