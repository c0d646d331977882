package io.ptosim.scheduler.runtime;

import java.util.Arrays;

/** A growable list of {@code int}s: task indexes without boxing, for lists walked on every event. */
final class IntList {
  private int[] items;
  private int size;

  IntList(int capacity) {
    items = new int[Math.max(capacity, 4)];
  }

  void add(int value) {
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
    }
    items[size++] = value;
  }

  int get(int index) {
    return items[index];
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Removes and returns the last element (LIFO, as upstream drains its deferred-release buffer). */
  int removeLast() {
    return items[--size];
  }

  void clear() {
    size = 0;
  }
}
