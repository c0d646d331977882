package io.ptosim.scheduler.sizing;

import com.google.common.base.Preconditions;
import io.ptosim.scheduler.runtime.RingConfig;
import java.util.Locale;

/**
 * A ring resource that {@code tune} sizes, with upstream's environment variable and size rule: task
 * windows and dependency pools are powers of two of at least 4, the heap is bytes in steps of 1 KiB
 * from 1 KiB.
 */
public enum RingResource {
  WINDOW("window", "PTO2_RING_TASK_WINDOW", true),
  HEAP("heap", "PTO2_RING_HEAP", false),
  DEP_POOL("dep-pool", "PTO2_RING_DEP_POOL", true);

  /** The smallest window and pool upstream accepts. */
  public static final long MIN_POWER_OF_TWO = 4;
  /** The heap's smallest size and bisection step: upstream's minimum PTO2_RING_HEAP. */
  public static final long HEAP_STEP = 1024;

  private final String cliName;
  private final String envVar;
  private final boolean powerOfTwo;

  RingResource(String cliName, String envVar, boolean powerOfTwo) {
    this.cliName = cliName;
    this.envVar = envVar;
    this.powerOfTwo = powerOfTwo;
  }

  /** The name on the command line and in JSON: {@code window}, {@code heap}, {@code dep-pool}. */
  public String cliName() {
    return cliName;
  }

  /** The environment variable that sets it on the device. */
  public String envVar() {
    return envVar;
  }

  /** Whether sizes are powers of two (else multiples of {@link #HEAP_STEP}). */
  public boolean powerOfTwo() {
    return powerOfTwo;
  }

  /** The smallest size searched. */
  public long smallest() {
    return powerOfTwo ? MIN_POWER_OF_TWO : HEAP_STEP;
  }

  /** {@code rings} with this resource of every ring set to {@code size}. */
  public RingConfig apply(RingConfig rings, long size) {
    Preconditions.checkArgument(size >= smallest(), "%s below %s: %s", cliName, smallest(), size);
    return switch (this) {
      case WINDOW -> rings.withWindow(size);
      case HEAP -> rings.withHeap(size);
      case DEP_POOL -> rings.withDepPool(Math.toIntExact(size));
    };
  }

  /** This resource's size in {@code rings} (the largest over the rings: they are set together). */
  public long current(RingConfig rings) {
    long max = 0;
    for (int r = 0; r < RingConfig.RING_COUNT; r++) {
      RingConfig.RingSize s = rings.ring(r);
      max = Math.max(max, switch (this) {
        case WINDOW -> s.window();
        case HEAP -> s.heapBytes();
        case DEP_POOL -> s.depPool();
      });
    }
    return max;
  }

  /** The resource named {@code name}, or an {@link IllegalArgumentException} listing the names. */
  public static RingResource byName(String name) {
    for (RingResource r : values()) {
      if (r.cliName.equals(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown resource '" + name + "' (known: window, heap, dep-pool, all)");
  }

  @Override
  public String toString() {
    return cliName.toLowerCase(Locale.ROOT);
  }
}
