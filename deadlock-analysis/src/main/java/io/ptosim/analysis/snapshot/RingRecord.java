package io.ptosim.analysis.snapshot;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * A task ring: it holds the live tasks {@code lastAlive .. current-1} in {@code window} slots.
 *
 * @param ring ring number (a scope at depth d allocates from ring min(d, 3))
 * @param window slot count; at most {@code window - 1} tasks are live
 * @param lastAlive id of the oldest task not yet retired (the ring head)
 * @param current id the next allocated task will get
 * @param depPool the ring's dependency pool, when the snapshot records it
 * @param faninPool the ring's fanin spill pool, when the snapshot records it
 */
public record RingRecord(int ring, long window, long lastAlive, long current, Optional<DepPoolRecord> depPool,
    Optional<FaninPoolRecord> faninPool) {

  /** The upstream default task window per ring. */
  public static final long DEFAULT_WINDOW = 16_384;

  /** Validates ranges. */
  public RingRecord {
    checkArgument(ring >= 0, "ring %s < 0", ring);
    checkArgument(window >= 1, "ring %s: window %s < 1", ring, window);
    checkArgument(lastAlive >= 0, "ring %s: last_alive %s < 0", ring, lastAlive);
    checkArgument(
        lastAlive <= current, "ring %s: last_alive %s exceeds current %s", ring, lastAlive, current);
    checkNotNull(depPool, "depPool");
    checkNotNull(faninPool, "faninPool");
  }

  /** A ring whose pools are not recorded. */
  public RingRecord(int ring, long window, long lastAlive, long current) {
    this(ring, window, lastAlive, current, Optional.empty(), Optional.empty());
  }

  /** A ring whose fanin spill pool is not recorded. */
  public RingRecord(int ring, long window, long lastAlive, long current, Optional<DepPoolRecord> depPool) {
    this(ring, window, lastAlive, current, depPool, Optional.empty());
  }

  /** This ring with its dependency pool recorded. */
  public RingRecord withDepPool(DepPoolRecord pool) {
    return new RingRecord(ring, window, lastAlive, current, Optional.of(pool), faninPool);
  }

  /** This ring with its fanin spill pool recorded. */
  public RingRecord withFaninPool(FaninPoolRecord pool) {
    return new RingRecord(ring, window, lastAlive, current, depPool, Optional.of(pool));
  }

  /** Number of task ids between the head and the allocation cursor. */
  public long liveCount() {
    return current - lastAlive;
  }
}
