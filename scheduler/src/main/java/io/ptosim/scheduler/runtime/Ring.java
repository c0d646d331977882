package io.ptosim.scheduler.runtime;

import java.util.Arrays;

/**
 * One ring's flow control, as upstream's task allocator: a window of task slots reclaimed strictly
 * in task order ({@code lastAlive} is the oldest task not yet CONSUMED and retired), an output heap
 * managed as a ring with wrap-around whose tail follows the packed-buffer end of task
 * {@code lastAlive - 1}, a dependency-list pool, and the try-lock that serialises advancing
 * {@code lastAlive}.
 */
final class Ring {
  /** Upstream PTO2_ALIGN_SIZE: output buffers are 64-byte aligned. */
  static final long ALIGN = 64;

  final int id;
  final int window;
  final long heapSize;
  final int depPool;

  /** The local id the next task will get (upstream current_task_index). */
  int current;
  /** The oldest local id not yet retired (upstream last_task_alive). */
  int lastAlive;
  private int[] taskOfLocal = new int[64];

  long heapTop;
  long heapTail;
  int depUsed;

  /** Until when the advance try-lock is held, and by which thread. */
  long lockedUntil = -1;
  int lockOwner = -1;
  /** #1586's bit in advance_pending_mask: a loser of the try-lock saw a CONSUMED task the holder may have missed. */
  boolean advancePending;

  Ring(int id, RingConfig.RingSize size) {
    this.id = id;
    this.window = (int) size.window();
    this.heapSize = size.heapBytes();
    this.depPool = size.depPool();
  }

  int live() {
    return current - lastAlive;
  }

  /** Upstream's window test: the next task fits while {@code current - lastAlive + 1 < window}. */
  boolean slotFree() {
    return current - lastAlive + 1 < window;
  }

  boolean depFree(int entries) {
    return depUsed + entries <= depPool;
  }

  /** {@code bytes} rounded up to {@link #ALIGN}; programs keep a task's bytes within 2^48, so this cannot overflow. */
  static long aligned(long bytes) {
    if (bytes < 0 || bytes > io.ptosim.scheduler.program.TensorArg.MAX_BYTES) {
      throw new IllegalArgumentException("output bytes out of range: " + bytes);
    }
    return (bytes + ALIGN - 1) / ALIGN * ALIGN;
  }

  /**
   * Where an aligned allocation of {@code size} bytes would start, or -1 when the heap cannot hold
   * it now; upstream's try_bump_heap rule (wrap to 0 when the tail leaves room at the front).
   */
  long heapFit(long size) {
    if (size == 0) {
      return heapTop;
    }
    if (heapTop >= heapTail) {
      if (heapSize - heapTop >= size) {
        return heapTop;
      }
      return heapTail > size ? 0 : -1;
    }
    return heapTail - heapTop >= size ? heapTop : -1;
  }

  /** Commits a slot (and its heap range starting at {@code heapStart}); returns the local id. */
  int allocate(int task, long heapStart, long size) {
    if (current == taskOfLocal.length) {
      taskOfLocal = Arrays.copyOf(taskOfLocal, current * 2);
    }
    taskOfLocal[current] = task;
    heapTop = heapStart + size;
    return current++;
  }

  /** The task index of local id {@code localId}, which must have been allocated. */
  int taskAt(int localId) {
    return taskOfLocal[localId];
  }
}
