package io.ptosim.scheduler.runtime;

import java.util.Arrays;

/**
 * One singly linked list of {@code int}s per task, all in shared arrays: upstream's fanout lists
 * (consumers prepended from a pool) and the payload's fanin array, without an object per edge.
 */
final class LinkedIntLists {
  static final int END = -1;

  private final int[] head;
  private final int[] tail;
  private int[] next;
  private int[] value;
  private int used;

  LinkedIntLists(int lists, int expectedEntries) {
    head = new int[lists];
    tail = new int[lists];
    Arrays.fill(head, END);
    Arrays.fill(tail, END);
    next = new int[Math.max(expectedEntries, 16)];
    value = new int[next.length];
  }

  void append(int list, int v) {
    int e = newEntry(v, END);
    if (tail[list] == END) {
      head[list] = e;
    } else {
      next[tail[list]] = e;
    }
    tail[list] = e;
  }

  void prepend(int list, int v) {
    int e = newEntry(v, head[list]);
    head[list] = e;
    if (tail[list] == END) {
      tail[list] = e;
    }
  }

  /**
   * Unlinks {@code entry}, whose predecessor in {@code list} is {@code previous} ({@link #END} for
   * the first entry); returns the entry that followed it.
   */
  int unlink(int list, int previous, int entry) {
    int following = next[entry];
    if (previous == END) {
      head[list] = following;
    } else {
      next[previous] = following;
    }
    if (tail[list] == entry) {
      tail[list] = previous;
    }
    return following;
  }

  boolean contains(int list, int v) {
    for (int e = head[list]; e != END; e = next[e]) {
      if (value[e] == v) {
        return true;
      }
    }
    return false;
  }

  /** The first entry of {@code list}, or {@link #END}; walk with {@link #next(int)} and read with {@link #value(int)}. */
  int first(int list) {
    return head[list];
  }

  int next(int entry) {
    return next[entry];
  }

  int value(int entry) {
    return value[entry];
  }

  private int newEntry(int v, int nextEntry) {
    if (used == next.length) {
      next = Arrays.copyOf(next, used * 2);
      value = Arrays.copyOf(value, used * 2);
    }
    next[used] = nextEntry;
    value[used] = v;
    return used++;
  }
}
