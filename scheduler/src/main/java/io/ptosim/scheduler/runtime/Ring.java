package io.ptosim.scheduler.runtime;

import io.ptosim.scheduler.version.orch.DepPoolAccounting;
import io.ptosim.scheduler.version.orch.HeapAllocator;
import java.util.Arrays;

/**
 * One ring's flow control, as upstream's task allocator: a window of task slots reclaimed strictly
 * in task order ({@code lastAlive} is the oldest task not yet CONSUMED and retired), an output heap
 * managed as a ring whose tail the orchestrator derives from the packed-buffer end of task
 * {@code lastAlive - 1} when it next allocates, a dependency-list pool with linear top and tail that
 * only the orchestrator reclaims, and the try-lock that serialises advancing {@code lastAlive}.
 */
final class Ring {
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
  /** The orchestrator's view of the heap tail (upstream heap_tail_), updated by {@link #updateHeapTail}. */
  long heapTail;
  /** last_alive when the tail was last derived (upstream last_alive_seen_). */
  private int lastAliveSeen;
  /** #1514: while last_alive has not passed this task, the tail stays at the rebased 0 (-1: none). */
  private int rebaseAnchor = -1;

  /** Dependency pool, linear counters as upstream's: entry 0 is the null marker, so both start at 1. */
  int depTop = 1;
  int depTail = 1;
  int depHighWater;
  /** last_alive at the last reclaim (upstream last_reclaimed). */
  int depLastReclaimed;

  /**
   * Fanin spill pool (upstream PTO2FaninPool), as many entries as the dependency pool: linear
   * counters from 1, as upstream's.
   */
  int faninTop = 1;
  int faninTail = 1;
  int faninHighWater;
  /** The next local id the spill pool's reclaim scans (upstream reclaim_task_cursor). */
  private int faninCursor;

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

  // ---------------------------------------------------------------- heap

  /** {@code bytes} rounded up to 64; programs keep a task's bytes within 2^48, so this cannot overflow. */
  static long aligned(long bytes) {
    if (bytes < 0 || bytes > io.ptosim.scheduler.program.TensorArg.MAX_BYTES) {
      throw new IllegalArgumentException("output bytes out of range: " + bytes);
    }
    return HeapAllocator.aligned(bytes);
  }

  /** Upstream update_heap_tail: the tail follows the last retired task's packed end, unless a rebase holds it at 0. */
  void updateHeapTail(TaskTable tasks) {
    if (lastAlive <= lastAliveSeen) {
      return;
    }
    lastAliveSeen = lastAlive;
    if (rebaseAnchor >= 0 && lastAlive <= rebaseAnchor) {
      return;
    }
    rebaseAnchor = -1;
    heapTail = tasks.heapEnd[taskAt(lastAlive - 1)];
  }

  /** Where an aligned allocation of {@code size} bytes would start under {@code rule}, or -1. */
  long heapFit(HeapAllocator rule, long size) {
    return size == 0 ? heapTop : rule.fit(heapSize, heapTop, heapTail, size);
  }

  /** Commits a slot (and its heap range starting at {@code heapStart}); returns the local id. */
  int allocate(int task, HeapAllocator rule, long heapStart, long size) {
    if (size > 0 && rule.rebases(heapSize, heapTop, heapTail, size)) {
      heapTail = 0;
      rebaseAnchor = current;
    }
    if (current == taskOfLocal.length) {
      taskOfLocal = Arrays.copyOf(taskOfLocal, current * 2);
    }
    taskOfLocal[current] = task;
    if (size > 0) {
      heapTop = heapStart + size;
    }
    return current++;
  }

  /** The task index of local id {@code localId}, which must have been allocated. */
  int taskAt(int localId) {
    return taskOfLocal[localId];
  }

  // ---------------------------------------------------------------- dependency pool

  int depUsed() {
    return depTop - depTail;
  }

  int depAvailable() {
    return depPool - depUsed();
  }

  /**
   * Upstream PTO2DepListPool::ensure_space, one spin of it: enough free entries, else a reclaim
   * at the current last_alive and a second look.
   */
  boolean ensureDeps(int needed, TaskTable tasks) {
    if (depAvailable() >= needed) {
      return true;
    }
    reclaimDeps(tasks);
    return depAvailable() >= needed;
  }

  /**
   * Upstream PTO2DepListPool::reclaim: once last_alive has moved {@link DepPoolAccounting#CLEANUP_INTERVAL}
   * past the last reclaim, the tail jumps to the pool top recorded when task last_alive - 1 was wired.
   */
  void reclaimDeps(TaskTable tasks) {
    if (lastAlive >= depLastReclaimed + DepPoolAccounting.CLEANUP_INTERVAL && lastAlive > 0) {
      int mark = tasks.depMark[taskAt(lastAlive - 1)];
      if (mark > depTail) {
        depTail = mark;
      }
      depLastReclaimed = lastAlive;
    }
  }

  // ---------------------------------------------------------------- fanin spill pool

  int faninUsed() {
    return faninTop - faninTail;
  }

  /**
   * Upstream PTO2FaninPool::ensure_space(1), one spin of it: a free entry, else a reclaim at the
   * current last_alive and a second look.
   */
  boolean ensureFanin(TaskTable tasks) {
    if (depPool - faninUsed() >= 1) {
      return true;
    }
    reclaimFanin(tasks);
    return depPool - faninUsed() >= 1;
  }

  /**
   * Upstream PTO2FaninPool::reclaim: every task retired since the last scan gives its spill entries
   * back (the tail moves to the end of its range); no interval, unlike the dependency pool.
   */
  private void reclaimFanin(TaskTable tasks) {
    for (; faninCursor < lastAlive; faninCursor++) {
      int end = tasks.spillEnd[taskAt(faninCursor)];
      if (end > faninTail) {
        faninTail = end;
      }
    }
  }

  /** Takes one spill entry; returns its linear index. */
  int takeFanin() {
    int idx = faninTop++;
    faninHighWater = Math.max(faninHighWater, faninUsed());
    return idx;
  }

  /** Takes one entry (a prepend onto a producer's fanout list). */
  void takeDep() {
    depTop++;
    depHighWater = Math.max(depHighWater, depUsed());
  }
}
