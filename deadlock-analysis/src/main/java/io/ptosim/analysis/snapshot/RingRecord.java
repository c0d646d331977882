package io.ptosim.analysis.snapshot;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A task ring: it holds the live tasks {@code lastAlive .. current-1} in {@code window} slots.
 *
 * @param ring ring number (a scope at depth d allocates from ring min(d, 3))
 * @param window slot count; at most {@code window - 1} tasks are live
 * @param lastAlive id of the oldest task not yet retired (the ring head)
 * @param current id the next allocated task will get
 */
public record RingRecord(int ring, long window, long lastAlive, long current) {

  /** The upstream default task window per ring. */
  public static final long DEFAULT_WINDOW = 16_384;

  /** Validates ranges. */
  public RingRecord {
    checkArgument(ring >= 0, "ring %s < 0", ring);
    checkArgument(window >= 1, "ring %s: window %s < 1", ring, window);
    checkArgument(lastAlive >= 0, "ring %s: last_alive %s < 0", ring, lastAlive);
    checkArgument(
        lastAlive <= current, "ring %s: last_alive %s exceeds current %s", ring, lastAlive, current);
  }

  /** Number of task ids between the head and the allocation cursor. */
  public long liveCount() {
    return current - lastAlive;
  }
}
