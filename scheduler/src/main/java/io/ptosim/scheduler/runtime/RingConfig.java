package io.ptosim.scheduler.runtime;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.function.UnaryOperator;

/**
 * The sizes of the four rings: per ring a task window (at most {@code window - 1} live tasks), an
 * output heap in bytes and a dependency-list pool in entries. Defaults are upstream's
 * (16384 slots, 256 MiB, 16384 entries); the window must be a power of two, as upstream requires.
 */
public record RingConfig(ImmutableList<RingSize> rings) {

  /** Upstream PTO2_MAX_RING_DEPTH. */
  public static final int RING_COUNT = 4;

  public static final long DEFAULT_WINDOW = 16_384;
  public static final long DEFAULT_HEAP_BYTES = 256L << 20;
  public static final int DEFAULT_DEP_POOL = 16_384;

  /** The largest heap of one ring, 2^48 bytes (a task's outputs are bounded the same way). */
  public static final long MAX_HEAP_BYTES = 1L << 48;

  private static final int ALL = -1;

  /** The sizes of one ring. */
  public record RingSize(long window, long heapBytes, int depPool) {
    public RingSize {
      Preconditions.checkArgument(window >= 2 && window <= (1 << 30) && Long.bitCount(window) == 1,
          "window must be a power of two in [2, 2^30]: %s", window);
      Preconditions.checkArgument(heapBytes > 0 && heapBytes <= MAX_HEAP_BYTES, "heap must be 1..2^48 bytes: %s", heapBytes);
      Preconditions.checkArgument(depPool > 0, "dep pool must be positive: %s", depPool);
    }

    public RingSize withWindow(long slots) {
      return new RingSize(slots, heapBytes, depPool);
    }

    public RingSize withHeap(long bytes) {
      return new RingSize(window, bytes, depPool);
    }

    public RingSize withDepPool(int entries) {
      return new RingSize(window, heapBytes, entries);
    }
  }

  public RingConfig {
    Preconditions.checkNotNull(rings, "rings");
    Preconditions.checkArgument(rings.size() == RING_COUNT, "expected %s rings, got %s", RING_COUNT, rings.size());
  }

  public static RingConfig defaults() {
    RingSize size = new RingSize(DEFAULT_WINDOW, DEFAULT_HEAP_BYTES, DEFAULT_DEP_POOL);
    return new RingConfig(ImmutableList.of(size, size, size, size));
  }

  public RingSize ring(int ring) {
    return rings.get(ring);
  }

  /** The same config with every ring's window set to {@code window}. */
  public RingConfig withWindow(long window) {
    return change(ALL, s -> s.withWindow(window));
  }

  public RingConfig withWindow(int ring, long window) {
    return change(ring, s -> s.withWindow(window));
  }

  /** The same config with every ring's heap set to {@code bytes}. */
  public RingConfig withHeap(long bytes) {
    return change(ALL, s -> s.withHeap(bytes));
  }

  public RingConfig withHeap(int ring, long bytes) {
    return change(ring, s -> s.withHeap(bytes));
  }

  /** The same config with every ring's dependency pool set to {@code entries}. */
  public RingConfig withDepPool(int entries) {
    return change(ALL, s -> s.withDepPool(entries));
  }

  public RingConfig withDepPool(int ring, int entries) {
    return change(ring, s -> s.withDepPool(entries));
  }

  /** Applies {@code change} to ring {@code ring}, or to every ring when it is {@link #ALL}. */
  private RingConfig change(int ring, UnaryOperator<RingSize> change) {
    Preconditions.checkArgument(ring == ALL || (ring >= 0 && ring < RING_COUNT), "no ring %s", ring);
    ImmutableList.Builder<RingSize> b = ImmutableList.builder();
    for (int r = 0; r < RING_COUNT; r++) {
      b.add(ring == ALL || r == ring ? change.apply(rings.get(r)) : rings.get(r));
    }
    return new RingConfig(b.build());
  }
}
