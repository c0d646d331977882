package io.ptosim.scheduler.runtime;

/** A growable deque of {@code int}s (a ring buffer): a FIFO ready queue or a LIFO local buffer, without boxing. */
final class IntQueue {
  private int[] items = new int[64];
  private int head;
  private int size;

  void push(int value) {
    if (size == items.length) {
      int[] bigger = new int[items.length * 2];
      for (int i = 0; i < size; i++) {
        bigger[i] = items[(head + i) % items.length];
      }
      items = bigger;
      head = 0;
    }
    items[(head + size) % items.length] = value;
    size++;
  }

  /** Removes the oldest element; the queue must not be empty. */
  int pop() {
    int value = items[head];
    head = (head + 1) % items.length;
    size--;
    return value;
  }

  /** Removes the newest element (a local ready buffer is taken back last in, first out); must not be empty. */
  int popLast() {
    size--;
    return items[(head + size) % items.length];
  }

  int get(int index) {
    return items[(head + index) % items.length];
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }
}
