package io.ptosim.scheduler.runtime;

/**
 * Runtime task ids: {@code (ring << 40) | localId}. Ring-local ids are contiguous in submit order,
 * as upstream's; ring 0's ids are plain small numbers, and ids are unique across rings.
 */
public final class TaskIds {
  public static final int RING_SHIFT = 40;
  private static final long LOCAL_MASK = (1L << RING_SHIFT) - 1;

  private TaskIds() {}

  public static long of(int ring, long localId) {
    return ((long) ring << RING_SHIFT) | localId;
  }

  public static int ring(long id) {
    return (int) (id >>> RING_SHIFT);
  }

  public static long local(long id) {
    return id & LOCAL_MASK;
  }
}
