package io.ptosim.scheduler.version.orch;

/**
 * PR #482 at 01d0723 ({@code pto_ring_buffer.h}, {@code try_bump_heap}): below the tail a request
 * fits when the gap is at least its size; there is no empty-ring rebase, so a ring whose top and
 * tail meet near the end cannot place a request larger than what is left at either side.
 */
public final class HeapAtPr482 implements HeapAllocator {
  @Override
  public long fit(long heapSize, long top, long tail, long size) {
    if (top >= tail) {
      if (heapSize - top >= size) {
        return top;
      }
      return tail > size ? 0 : NO_FIT;
    }
    return tail - top >= size ? top : NO_FIT;
  }

  @Override
  public boolean rebases(long heapSize, long top, long tail, long size) {
    return false;
  }
}
