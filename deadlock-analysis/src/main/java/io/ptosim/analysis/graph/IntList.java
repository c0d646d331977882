package io.ptosim.analysis.graph;

import java.util.Arrays;

/** A growable int array: adjacency lists are built without boxing on the checker's hot path. */
final class IntList {
  private int[] items;
  private int size;

  IntList(int capacity) {
    items = new int[Math.max(4, capacity)];
  }

  void add(int value) {
    if (size == items.length) {
      items = Arrays.copyOf(items, size + (size >> 1) + 1);
    }
    items[size++] = value;
  }

  int get(int k) {
    return items[k];
  }

  int size() {
    return size;
  }

  /** The backing array (not copied; entries from {@link #size()} on are unused). */
  int[] array() {
    return items;
  }
}
