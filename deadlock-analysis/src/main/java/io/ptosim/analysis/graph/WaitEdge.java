package io.ptosim.analysis.graph;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A wait-for edge: {@code source} waits for {@code target}, for reason {@code kind};
 * {@code inferred} when the edge was assumed from counters because the snapshot had no edges.
 */
public record WaitEdge(WaitVertex source, WaitVertex target, WaitKind kind, boolean inferred) {

  /** Rejects nulls. */
  public WaitEdge {
    checkNotNull(source, "source");
    checkNotNull(target, "target");
    checkNotNull(kind, "kind");
  }
}
