package io.ptosim.analysis.internal;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/**
 * Open-addressing map from {@code long} keys to non-negative {@code int} values.
 *
 * <p>Task ids are looked up once per edge and per task on the checker's hot path; boxing them
 * into a {@code HashMap<Long, Integer>} costs more than the whole graph reduction. The map is
 * never iterated, so its layout cannot leak into any output.
 */
public final class LongIntMap {
  private static final int ABSENT = -1;

  private long[] keys;
  private int[] values;
  private int shift;
  private int mask;
  private int size;

  /** A map sized for {@code expectedSize} keys; it grows beyond that when needed. */
  public LongIntMap(int expectedSize) {
    checkArgument(expectedSize >= 0, "expectedSize %s < 0", expectedSize);
    allocate(Integer.highestOneBit(Math.max(4, expectedSize) * 2 - 1) << 1);
  }

  /** The value stored for {@code key}, or -1 when absent. */
  public int get(long key) {
    for (int slot = slot(key); ; slot = (slot + 1) & mask) {
      int value = values[slot];
      if (value == ABSENT || keys[slot] == key) {
        return value;
      }
    }
  }

  /**
   * Stores {@code value} unless {@code key} is present.
   *
   * @return the value already stored for {@code key}, or -1 when it was absent and is now stored
   */
  public int putIfAbsent(long key, int value) {
    checkArgument(value >= 0, "value %s < 0", value);
    for (int slot = slot(key); ; slot = (slot + 1) & mask) {
      if (values[slot] == ABSENT) {
        keys[slot] = key;
        values[slot] = value;
        if (++size * 2 > values.length) {
          grow();
        }
        return ABSENT;
      }
      if (keys[slot] == key) {
        return values[slot];
      }
    }
  }

  /** Number of keys stored. */
  public int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    allocate(oldValues.length * 2);
    for (int i = 0; i < oldValues.length; i++) {
      if (oldValues[i] != ABSENT) {
        int slot = slot(oldKeys[i]);
        while (values[slot] != ABSENT) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    values = new int[capacity];
    Arrays.fill(values, ABSENT);
    mask = capacity - 1;
    shift = 64 - Integer.numberOfTrailingZeros(capacity);
  }

  private int slot(long key) {
    // Fibonacci hashing spreads the dense, ring-encoded task ids over the table.
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
  }
}
