package io.ptosim.des.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import nl.tudelft.simulation.dsol.eventlists.EventListInterface;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;

/**
 * DSOL's event list replaced by an indexed binary heap. DSOL's default red-black tree costs about
 * twice a plain heap at a thousand pending events (docs/performance.md); the heap compares our own
 * events on primitive fields and finds a cancelled event by its stored index, so cancel is
 * O(log n). DSOL's internal events (end of replication) share the heap and compare as DSOL does.
 */
final class KernelEventList implements EventListInterface<Long> {

  private SimEventInterface<Long>[] heap = newArray(64);
  private int size;

  @SuppressWarnings("unchecked")
  private static SimEventInterface<Long>[] newArray(int n) {
    return (SimEventInterface<Long>[]) new SimEventInterface<?>[n];
  }

  private static int compare(SimEventInterface<Long> a, SimEventInterface<Long> b) {
    if (a instanceof KernelEvent ka && b instanceof KernelEvent kb) {
      int c = Long.compare(ka.atNs(), kb.atNs());
      return c != 0 ? c : Long.compare(ka.orderKey(), kb.orderKey());
    }
    return a.compareTo(b);
  }

  @Override
  public void add(SimEventInterface<Long> event) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    siftUp(size++, event);
  }

  @Override
  public boolean contains(SimEventInterface<Long> event) {
    return indexOf(event) >= 0;
  }

  private int indexOf(SimEventInterface<Long> event) {
    if (event instanceof KernelEvent k) {
      int i = k.heapIndex;
      return i >= 0 && i < size && heap[i] == event ? i : -1;
    }
    for (int i = 0; i < size; i++) {
      if (heap[i] == event) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void clear() {
    for (int i = 0; i < size; i++) {
      setIndex(heap[i], -1);
      heap[i] = null;
    }
    size = 0;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  /** Iterates in heap order, not execution order; callers that need order sort the copy. */
  @Override
  public Iterator<SimEventInterface<Long>> iterator() {
    List<SimEventInterface<Long>> copy = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      copy.add(heap[i]);
    }
    return copy.iterator();
  }

  @Override
  public boolean remove(SimEventInterface<Long> event) {
    int i = indexOf(event);
    if (i < 0) {
      return false;
    }
    removeAt(i);
    return true;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public SimEventInterface<Long> first() {
    return size == 0 ? null : heap[0];
  }

  @Override
  public SimEventInterface<Long> removeFirst() {
    if (size == 0) {
      return null;
    }
    SimEventInterface<Long> first = heap[0];
    removeAt(0);
    return first;
  }

  private void removeAt(int i) {
    SimEventInterface<Long> removed = heap[i];
    setIndex(removed, -1);
    int last = --size;
    if (i != last) {
      SimEventInterface<Long> moved = heap[last];
      heap[last] = null;
      siftDown(i, moved);
      if (heap[i] == moved) {
        siftUp(i, moved);
      }
    } else {
      heap[last] = null;
    }
  }

  private void siftUp(int i, SimEventInterface<Long> e) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      SimEventInterface<Long> p = heap[parent];
      if (compare(e, p) >= 0) {
        break;
      }
      place(i, p);
      i = parent;
    }
    place(i, e);
  }

  private void siftDown(int i, SimEventInterface<Long> e) {
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      SimEventInterface<Long> c = heap[child];
      int right = child + 1;
      if (right < size && compare(heap[right], c) < 0) {
        child = right;
        c = heap[child];
      }
      if (compare(e, c) <= 0) {
        break;
      }
      place(i, c);
      i = child;
    }
    place(i, e);
  }

  private void place(int i, SimEventInterface<Long> e) {
    heap[i] = e;
    setIndex(e, i);
  }

  private static void setIndex(SimEventInterface<Long> e, int i) {
    if (e instanceof KernelEvent k) {
      k.heapIndex = i;
    }
  }
}
