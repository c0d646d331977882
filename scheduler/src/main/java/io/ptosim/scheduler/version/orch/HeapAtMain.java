package io.ptosim.scheduler.version.orch;

/**
 * Upstream main at 6ebaf77 ({@code pto_ring_buffer.h}, {@code try_bump_heap}): below the tail a
 * request needs strictly more than its size free; an empty ring ({@code top == tail}) whose end and
 * front are both too small restarts at 0 (#1514, the empty-ring rebase).
 */
public final class HeapAtMain implements HeapAllocator {
  @Override
  public long fit(long heapSize, long top, long tail, long size) {
    if (top >= tail) {
      if (heapSize - top >= size) {
        return top;
      }
      if (tail > size) {
        return 0;
      }
      return top == tail && size <= heapSize ? 0 : NO_FIT;
    }
    return tail - top > size ? top : NO_FIT;
  }

  @Override
  public boolean rebases(long heapSize, long top, long tail, long size) {
    return top == tail && heapSize - top < size && tail <= size && size <= heapSize;
  }
}
