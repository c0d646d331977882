package io.ptosim.analysis;

import io.ptosim.analysis.synthetic.ConsistentSnapshots;
import io.ptosim.analysis.snapshot.Snapshot;

/** Lets tests in other packages draw rule-consistent random snapshots. */
public final class ConsistentSnapshotsAccess {
  private ConsistentSnapshotsAccess() {}

  /** The snapshot {@link ConsistentSnapshots} generates for {@code seed}. */
  public static Snapshot snapshot(long seed) {
    return ConsistentSnapshots.model(seed).snapshot();
  }
}
