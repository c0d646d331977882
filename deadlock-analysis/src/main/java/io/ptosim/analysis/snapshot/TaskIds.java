package io.ptosim.analysis.snapshot;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Task ids as the runtime prints them: {@code raw = ring << 32 | local}. A person reads
 * {@code ring:local}; tools read the raw id, so text shows both.
 */
public final class TaskIds {
  private TaskIds() {}

  /** The raw id of task {@code local} of ring {@code ring}. */
  public static long raw(int ring, long local) {
    checkArgument(ring >= 0, "ring %s < 0", ring);
    checkArgument(local >= 0 && local <= 0xFFFF_FFFFL, "local id %s out of range", local);
    return ((long) ring << 32) | local;
  }

  /** The ring of raw id {@code raw}. */
  public static int ring(long raw) {
    return (int) (raw >>> 32);
  }

  /** The ring-local id of raw id {@code raw}. */
  public static long local(long raw) {
    return raw & 0xFFFF_FFFFL;
  }

  /** {@code ring:local (raw)}, e.g. {@code 2:0 (8589934592)}. */
  public static String show(long raw) {
    return ring(raw) + ":" + local(raw) + " (" + raw + ")";
  }
}
