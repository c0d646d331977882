package io.ptosim.scheduler.upstream;

import io.ptosim.scheduler.runtime.TaskIds;

/**
 * Upstream's raw task id, {@code PTO2TaskId::raw = ring << 32 | local}, as deps.json, the
 * swimlane records and the logs print it. The model's own ids are composed by {@link TaskIds};
 * {@link #fromModel} is the one place that turns one into the other, so that it is the identity
 * once the model uses upstream's layout too.
 */
public final class UpstreamIds {
  /** Bits of the local id in upstream's raw id. */
  public static final int UPSTREAM_RING_SHIFT = 32;
  private static final long LOCAL_MASK = (1L << UPSTREAM_RING_SHIFT) - 1;

  private UpstreamIds() {}

  public static long raw(int ring, long local) {
    return ((long) ring << UPSTREAM_RING_SHIFT) | local;
  }

  public static int ring(long raw) {
    return (int) ((raw >>> UPSTREAM_RING_SHIFT) & 0xFF);
  }

  public static long local(long raw) {
    return raw & LOCAL_MASK;
  }

  /** The upstream raw id of a model task id. */
  public static long fromModel(long modelId) {
    return raw(TaskIds.ring(modelId), TaskIds.local(modelId));
  }

  /** {@code ring:local}, as a person reads an id. */
  public static String show(long raw) {
    return ring(raw) + ":" + local(raw);
  }
}
