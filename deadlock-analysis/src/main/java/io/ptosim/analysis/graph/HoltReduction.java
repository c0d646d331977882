package io.ptosim.analysis.graph;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;

/**
 * Holt-style reduction of a wait-for graph: one worklist pass, O(V + E), that retires every
 * vertex that can still happen. A vertex with nothing left to wait for retires first; retiring a
 * vertex releases one wait of each vertex waiting for it; an AND vertex retires when all its waits
 * are released, an any-of vertex at the first, a dead vertex never. What is left unretired can
 * never happen. Worklist order is FIFO from the canonical vertex order, so the result, including
 * each vertex's {@linkplain #cause cause}, is deterministic.
 */
public final class HoltReduction {
  private final WaitForGraph graph;
  private final boolean[] retired;
  private final int[] causeEdge;
  private final int retiredCount;

  /** Reduces {@code graph}. */
  public HoltReduction(WaitForGraph graph) {
    this.graph = checkNotNull(graph, "graph");
    int n = graph.vertexCount();
    retired = new boolean[n];
    causeEdge = new int[n];
    Arrays.fill(causeEdge, -1);
    int[] need = new int[n];
    int[] queue = new int[n];
    int tail = 0;
    for (int v = 0; v < n; v++) {
      int out = graph.outDegree(v);
      need[v] = graph.isDead(v) ? Math.max(1, out) : graph.isAnyOf(v) ? Math.min(1, out) : out;
      if (need[v] == 0) {
        queue[tail++] = v;
      }
    }
    int head = 0;
    while (head < tail) {
      int v = queue[head];
      head++;
      retired[v] = true;
      for (int k = 0; k < graph.inDegree(v); k++) {
        int e = graph.inEdge(v, k);
        int u = graph.source(e);
        // need > 0 guards any-of vertices, which are queued at their first release.
        if (need[u] > 0 && --need[u] == 0) {
          causeEdge[u] = e;
          queue[tail++] = u;
        }
      }
    }
    retiredCount = tail;
  }

  /** The reduced graph. */
  public WaitForGraph graph() {
    return graph;
  }

  /** Whether vertex {@code v} can still happen. */
  public boolean isRetired(int v) {
    return retired[v];
  }

  /** Whether {@code vertex} can still happen; false for vertices not in the graph. */
  public boolean isRetired(WaitVertex vertex) {
    int v = graph.indexOf(vertex);
    return v >= 0 && retired[v];
  }

  /**
   * The edge whose release let {@code v} retire (for an AND vertex, its last wait), or -1 for a
   * vertex that waited for nothing or never retires. Following causes from the head back to a
   * vertex without one gives a chain of events that makes the head happen.
   */
  public int causeEdge(int v) {
    return causeEdge[v];
  }

  /** Number of retired vertices. */
  public int retiredCount() {
    return retiredCount;
  }
}
