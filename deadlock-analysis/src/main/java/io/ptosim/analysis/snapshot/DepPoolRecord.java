package io.ptosim.analysis.snapshot;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A ring's dependency-list pool: {@code used} of {@code size} entries are taken, and the pool gives
 * entries back only at a reclaim, which happens once the ring's last_alive has reached
 * {@code reclaimAt} (a task id). The runtime says where that point is (upstream reclaims only after
 * last_alive has moved a fixed interval past the previous reclaim), so the checker needs no
 * knowledge of the version.
 *
 * @param used entries taken (top - tail)
 * @param size the pool's capacity
 * @param reclaimAt the smallest last_alive at which the next reclaim returns entries
 */
public record DepPoolRecord(long used, long size, long reclaimAt) {

  /** Validates ranges. */
  public DepPoolRecord {
    checkArgument(size >= 0, "dep pool size %s < 0", size);
    checkArgument(used >= 0, "dep pool used %s < 0", used);
    checkArgument(reclaimAt >= 0, "dep pool reclaim_at %s < 0", reclaimAt);
  }

  /** Entries free now. */
  public long free() {
    return Math.max(0, size - used);
  }
}
