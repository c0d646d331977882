package io.ptosim.scheduler.version.orch;

/**
 * Where a task's packed outputs go in its ring's heap (upstream {@code calculate_output_layout} and
 * {@code PTO2TaskAllocator::try_bump_heap}). Both versions pad every OUTPUT buffer to
 * {@link #PACKED_OUTPUT_ALIGN} bytes, align the packed total to {@link #ALIGN}, bump at the top,
 * and wrap to 0 when the tail leaves more than the request at the front. They differ in the gap
 * test below the tail and in main's empty-ring rebase (#1514).
 */
public interface HeapAllocator {
  /** Upstream PTO2_PACKED_OUTPUT_ALIGN: each OUTPUT's buffer in the packed block starts 1,024-aligned. */
  long PACKED_OUTPUT_ALIGN = 1024;
  /** Upstream PTO2_ALIGN_SIZE: the packed total is 64-byte aligned. */
  long ALIGN = 64;
  /** {@link #fit} found no room. */
  long NO_FIT = -1;

  /** One OUTPUT buffer's share of the packed block. */
  static long padded(long bufferBytes) {
    return (bufferBytes + PACKED_OUTPUT_ALIGN - 1) / PACKED_OUTPUT_ALIGN * PACKED_OUTPUT_ALIGN;
  }

  /** The packed total, as the allocator is asked for it. */
  static long aligned(long packedBytes) {
    return (packedBytes + ALIGN - 1) / ALIGN * ALIGN;
  }

  /**
   * Where {@code size} (aligned, positive) bytes start in a heap of {@code heapSize} bytes whose
   * next free byte is {@code top} and oldest live byte {@code tail}, or {@link #NO_FIT}.
   */
  long fit(long heapSize, long top, long tail, long size);

  /**
   * Whether this fit placed the request by rebasing an empty ring ({@code top == tail}, no room at
   * the end or front): then the tail reads 0 until last_alive passes the rebased task.
   */
  boolean rebases(long heapSize, long top, long tail, long size);
}
