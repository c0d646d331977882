package io.ptosim.scheduler.runtime;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

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

  /** The sizes of one ring. */
  public record RingSize(long window, long heapBytes, int depPool) {
    public RingSize {
      Preconditions.checkArgument(window >= 2 && window <= (1 << 30) && Long.bitCount(window) == 1,
          "window must be a power of two in [2, 2^30]: %s", window);
      Preconditions.checkArgument(heapBytes > 0, "heap must be positive: %s", heapBytes);
      Preconditions.checkArgument(depPool > 0, "dep pool must be positive: %s", depPool);
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
    RingConfig c = this;
    for (int r = 0; r < RING_COUNT; r++) {
      c = c.withWindow(r, window);
    }
    return c;
  }

  public RingConfig withWindow(int ring, long window) {
    RingSize s = ring(ring);
    return with(ring, new RingSize(window, s.heapBytes(), s.depPool()));
  }

  /** The same config with every ring's heap set to {@code bytes}. */
  public RingConfig withHeap(long bytes) {
    RingConfig c = this;
    for (int r = 0; r < RING_COUNT; r++) {
      c = c.withHeap(r, bytes);
    }
    return c;
  }

  public RingConfig withHeap(int ring, long bytes) {
    RingSize s = ring(ring);
    return with(ring, new RingSize(s.window(), bytes, s.depPool()));
  }

  /** The same config with every ring's dependency pool set to {@code entries}. */
  public RingConfig withDepPool(int entries) {
    RingConfig c = this;
    for (int r = 0; r < RING_COUNT; r++) {
      c = c.withDepPool(r, entries);
    }
    return c;
  }

  public RingConfig withDepPool(int ring, int entries) {
    RingSize s = ring(ring);
    return with(ring, new RingSize(s.window(), s.heapBytes(), entries));
  }

  private RingConfig with(int ring, RingSize size) {
    Preconditions.checkElementIndex(ring, RING_COUNT, "ring");
    ImmutableList.Builder<RingSize> b = ImmutableList.builder();
    for (int r = 0; r < RING_COUNT; r++) {
      b.add(r == ring ? size : rings.get(r));
    }
    return new RingConfig(b.build());
  }
}
