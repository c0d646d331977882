package io.ptosim.analysis.snapshot;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.OptionalInt;

/**
 * A scope: while {@code open}, each task it owns keeps one fanout reference that only the
 * orchestrator's {@code scope_end()} releases.
 */
public record ScopeRecord(long id, ScopeMode mode, boolean open, OptionalInt ring, OptionalInt depth) {

  /** Validates ranges. */
  public ScopeRecord {
    checkArgument(id >= 0, "scope id %s < 0", id);
    checkNotNull(mode, "mode");
    checkNotNull(ring, "ring");
    checkNotNull(depth, "depth");
    checkArgument(ring.orElse(0) >= 0, "scope %s: ring %s < 0", id, ring);
    checkArgument(depth.orElse(0) >= 0, "scope %s: depth %s < 0", id, depth);
  }

  /** A scope without ring or depth tokens. */
  public static ScopeRecord of(long id, ScopeMode mode, boolean open) {
    return new ScopeRecord(id, mode, open, OptionalInt.empty(), OptionalInt.empty());
  }
}
