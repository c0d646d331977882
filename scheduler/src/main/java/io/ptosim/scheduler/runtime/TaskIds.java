package io.ptosim.scheduler.runtime;

/**
 * Runtime task ids: {@code (ring << 32) | localId}, as upstream's {@code PTO2TaskId::make} prints
 * them (deps.json, device logs, swimlanes; 8589934592 is ring 2's task 0). Ring-local ids are
 * contiguous in submit order; ring 0's ids are plain small numbers, and ids are unique across rings.
 */
public final class TaskIds {
  public static final int RING_SHIFT = 32;
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
