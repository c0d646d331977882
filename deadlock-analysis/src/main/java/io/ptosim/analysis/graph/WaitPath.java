package io.ptosim.analysis.graph;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;

/**
 * A path in a {@link WaitForGraph}: vertices {@code v0 .. vk} and the edges {@code e0 .. e(k-1)},
 * edge {@code ei} joining {@code vi} and {@code v(i+1)} in either direction (a wait chain follows
 * edges, an event chain runs against them).
 */
public final class WaitPath {
  private final int[] vertices;
  private final int[] edges;

  /** A path of {@code vertices} joined by {@code edges} (one fewer). */
  public WaitPath(int[] vertices, int[] edges) {
    checkNotNull(vertices, "vertices");
    checkNotNull(edges, "edges");
    checkArgument(vertices.length >= 1 && edges.length == vertices.length - 1, "malformed path");
    this.vertices = vertices.clone();
    this.edges = edges.clone();
  }

  /** Number of vertices. */
  public int length() {
    return vertices.length;
  }

  /** The {@code k}-th vertex. */
  public int vertex(int k) {
    return vertices[k];
  }

  /** The edge between vertex {@code k} and vertex {@code k + 1}. */
  public int edge(int k) {
    return edges[k];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WaitPath p && Arrays.equals(vertices, p.vertices) && Arrays.equals(edges, p.edges);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(vertices) + Arrays.hashCode(edges);
  }

  @Override
  public String toString() {
    return "WaitPath" + Arrays.toString(vertices);
  }
}
