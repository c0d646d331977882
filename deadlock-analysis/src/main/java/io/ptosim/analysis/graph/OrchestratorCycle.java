package io.ptosim.analysis.graph;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;
import java.util.Optional;

/**
 * The strongly connected component that holds the orchestrator among the vertices a
 * {@link HoltReduction} left unretired, and the shortest cycle of waits through the orchestrator
 * inside it. A non-trivial component means the blocked orchestrator transitively waits for
 * something only it can do: a real deadlock. The component is the intersection of what the
 * orchestrator reaches and what reaches it (two BFS passes), and the cycle a BFS from the
 * orchestrator inside it: O(V + E), no cycle enumeration.
 */
public final class OrchestratorCycle {
  private final boolean[] inComponent;
  private final int componentSize;
  private final Optional<WaitPath> shortestCycle;

  /** Finds the orchestrator's component and shortest cycle in what {@code reduction} left. */
  public OrchestratorCycle(HoltReduction reduction) {
    checkNotNull(reduction, "reduction");
    WaitForGraph graph = reduction.graph();
    int n = graph.vertexCount();
    int o = WaitForGraph.ORCHESTRATOR;
    boolean[] forward = reach(reduction, true);
    boolean[] backward = reach(reduction, false);
    inComponent = new boolean[n];
    int size = 0;
    for (int v = 0; v < n; v++) {
      inComponent[v] = forward[v] && backward[v];
      size += inComponent[v] ? 1 : 0;
    }
    componentSize = size;
    shortestCycle = size > 1 ? Optional.of(bfsCycle(graph, o)) : Optional.empty();
  }

  private static boolean[] reach(HoltReduction reduction, boolean forward) {
    WaitForGraph graph = reduction.graph();
    boolean[] seen = new boolean[graph.vertexCount()];
    int o = WaitForGraph.ORCHESTRATOR;
    if (reduction.isRetired(o)) {
      return seen;
    }
    int[] queue = new int[graph.vertexCount()];
    int tail = 0;
    seen[o] = true;
    queue[tail++] = o;
    for (int head = 0; head < tail; head++) {
      int u = queue[head];
      int degree = forward ? graph.outDegree(u) : graph.inDegree(u);
      for (int k = 0; k < degree; k++) {
        int e = forward ? graph.outEdge(u, k) : graph.inEdge(u, k);
        int w = forward ? graph.target(e) : graph.source(e);
        if (!seen[w] && !reduction.isRetired(w)) {
          seen[w] = true;
          queue[tail++] = w;
        }
      }
    }
    return seen;
  }

  /** BFS from the orchestrator inside the component; the first edge back closes a shortest cycle. */
  private WaitPath bfsCycle(WaitForGraph graph, int o) {
    int n = graph.vertexCount();
    int[] parentEdge = new int[n];
    Arrays.fill(parentEdge, -1);
    boolean[] seen = new boolean[n];
    int[] queue = new int[componentSize];
    int tail = 0;
    seen[o] = true;
    queue[tail++] = o;
    for (int head = 0; head < tail; head++) {
      int u = queue[head];
      for (int k = 0; k < graph.outDegree(u); k++) {
        int e = graph.outEdge(u, k);
        int w = graph.target(e);
        if (w == o) {
          return path(graph, parentEdge, u, e);
        }
        if (inComponent[w] && !seen[w]) {
          seen[w] = true;
          parentEdge[w] = e;
          queue[tail++] = w;
        }
      }
    }
    throw new IllegalStateException("a component of size > 1 holds a cycle");
  }

  private static WaitPath path(WaitForGraph graph, int[] parentEdge, int last, int closing) {
    int length = 1;
    for (int v = last; parentEdge[v] >= 0; v = graph.source(parentEdge[v])) {
      length++;
    }
    int[] vertices = new int[length + 1];
    int[] edges = new int[length];
    vertices[length] = WaitForGraph.ORCHESTRATOR;
    edges[length - 1] = closing;
    int k = length - 1;
    for (int v = last; ; v = graph.source(parentEdge[v])) {
      vertices[k] = v;
      if (parentEdge[v] < 0) {
        break;
      }
      edges[k - 1] = parentEdge[v];
      k--;
    }
    return new WaitPath(vertices, edges);
  }

  /** Whether {@code v} is in the orchestrator's component. */
  public boolean inComponent(int v) {
    return inComponent[v];
  }

  /** Size of the orchestrator's component (1 when it is on no cycle, 0 when it is retired). */
  public int componentSize() {
    return componentSize;
  }

  /** The shortest cycle orchestrator -> ... -> orchestrator, if the orchestrator is on one. */
  public Optional<WaitPath> shortestCycle() {
    return shortestCycle;
  }
}
