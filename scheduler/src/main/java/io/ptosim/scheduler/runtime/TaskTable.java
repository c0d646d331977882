package io.ptosim.scheduler.runtime;

/**
 * Every task of a run in parallel primitive arrays, indexed by the task's dense index (its creation
 * order across all rings). This is the device's slot state (state, fanin, fanout, blocks) plus what
 * the simulator needs to know about each task; it holds no behaviour.
 */
final class TaskTable {
  static final byte PENDING = 0;
  static final byte READY = 1;
  static final byte RUNNING = 2;
  static final byte COMPLETED = 3;
  static final byte CONSUMED = 4;

  final int capacity;
  int size;

  final byte[] state;
  final byte[] ring;
  final int[] local;
  final int[] scope;
  final int[] faninDone;
  final int[] faninTotal;
  final int[] fanoutDone;
  final int[] fanoutTotal;
  final byte[] mask;
  final int[] blockNum;
  final int[] nextBlock;
  final int[] done;
  final boolean[] hidden;
  final boolean[] published;
  /**
   * The task's producers hold fanout references for it: wired, or (main) claimed by its submit
   * while it waits for the pool. A deferred MANUAL task wired at its submit (pr482) is only
   * published by scope_end.
   */
  final boolean[] wired;
  /** One block's kernel duration on a single-core task's core. */
  final long[] durationNs;
  /**
   * Per subtask slot ({@code 3 * task + slot}: AIC, AIV0, AIV1): the duration of the kernel that
   * core of a block runs (upstream kernel_id[slot]); a MIX block's cores each run their own.
   */
  final long[] slotDurationNs;
  /** Per subtask slot, the kernel name of a task with per-core kernels; null when every core runs {@link #kernel}. */
  final String[] slotKernel;
  /** Start offset of the task's packed outputs in its ring's heap. */
  final long[] heapStart;
  /** End offset of the task's packed outputs in its ring's heap (upstream packed_buffer_end). */
  final long[] heapEnd;
  /** The program's id of the task (the {@code task} of its submit or alloc_tensors op), for messages. */
  final long[] programTask;
  /** The pool top of the task's ring after it was wired (upstream dep_pool_mark); 0 = none. */
  final int[] depMark;
  /** The linear end of the task's entries in its ring's fanin spill pool (spill_start + spilled edges); 0 = none. */
  final int[] spillEnd;
  final String[] kernel;
  /** Per task and subtask slot ({@code 3 * task + slot}): conditions that subtask registers (DeferredCompletion); 0 = none. */
  final int[] conditions;
  /** Conditions the task's finished subtasks handed to the async wait list so far (its wait entry). */
  final int[] registered;
  /** The task's producers (its fanin), in the order they became known. */
  final LinkedIntLists producers;
  /** The task's consumers not yet released by its completion (its fanout list), newest first. */
  final LinkedIntLists consumers;

  TaskTable(int capacity) {
    this.capacity = capacity;
    state = new byte[capacity];
    ring = new byte[capacity];
    local = new int[capacity];
    scope = new int[capacity];
    faninDone = new int[capacity];
    faninTotal = new int[capacity];
    fanoutDone = new int[capacity];
    fanoutTotal = new int[capacity];
    mask = new byte[capacity];
    blockNum = new int[capacity];
    nextBlock = new int[capacity];
    done = new int[capacity];
    hidden = new boolean[capacity];
    published = new boolean[capacity];
    wired = new boolean[capacity];
    durationNs = new long[capacity];
    slotDurationNs = new long[3 * capacity];
    slotKernel = new String[3 * capacity];
    heapStart = new long[capacity];
    heapEnd = new long[capacity];
    programTask = new long[capacity];
    depMark = new int[capacity];
    spillEnd = new int[capacity];
    kernel = new String[capacity];
    conditions = new int[3 * capacity];
    registered = new int[capacity];
    producers = new LinkedIntLists(capacity, capacity * 4);
    consumers = new LinkedIntLists(capacity, capacity * 4);
  }

  /** The runtime's task id: the ring in the upper bits, the ring-local id below, as upstream. */
  long id(int task) {
    return TaskIds.of(ring[task], local[task]);
  }

  int producerCount(int task) {
    int n = 0;
    for (int e = producers.first(task); e != LinkedIntLists.END; e = producers.next(e)) {
      n++;
    }
    return n;
  }

  /** The kernel name subtask slot {@code slot} of {@code task} runs. */
  String kernelOf(int task, int slot) {
    String k = slotKernel[3 * task + slot];
    return k != null ? k : kernel[task];
  }
}
