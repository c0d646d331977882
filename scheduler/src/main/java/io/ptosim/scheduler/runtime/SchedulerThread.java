package io.ptosim.scheduler.runtime;

import io.ptosim.des.event.CoreId;
import io.ptosim.des.event.TraceEvent;
import io.ptosim.des.kernel.EventHandle;
import io.ptosim.des.kernel.EventLabel;
import io.ptosim.des.platform.PlatformProfile;

/**
 * One AICPU scheduler thread, modelled event-driven rather than as a polling loop: it runs one
 * <em>iteration</em> of upstream's scheduler loop when there is something to see (a core's finish
 * became visible, work arrived in a shared queue while it has an idle core, or its previous
 * iteration made progress), never while it would only spin.
 *
 * <p>An iteration, at instant {@code t}: handles every noticed block finish (completion, consumers'
 * fanin, newly ready tasks into its local buffers), dispatches ready tasks to its idle cores (MIX
 * first, then AIC/AIV on even threads and AIV/AIC on odd ones; local buffer before shared queue),
 * moves what is left in its local buffers to the shared queues, and, only if it made no progress,
 * flushes its deferred releases. Its events are stamped {@code t}; the iteration's cost makes the
 * thread busy until {@code t + cost}, delays its dispatches' arrival at the cores, and a thread
 * that made progress iterates again when it is free (that next iteration may be the idle one).
 */
final class SchedulerThread {
  /** Upstream's per-thread local ready buffer capacity per shape. */
  static final int LOCAL_CAPACITY = 64;
  /** Upstream's deferred-release buffer size. */
  static final int RELEASE_BUFFER = 256;

  final int index;
  private final DeviceRuntime rt;
  private final EventLabel label;
  private final int[] dispatchOrder;
  private final IntQueue[] local = {new IntQueue(), new IntQueue(), new IntQueue()};
  /** Units whose block finish is visible to this thread, in the order they became visible. */
  private final IntQueue noticed = new IntQueue();
  /** Completed tasks whose producers are not released yet (drained last in, first out). */
  private final IntList deferred = new IntList(RELEASE_BUFFER);
  private long busyUntil;
  private EventHandle iteration;
  /** Cost of the running iteration so far. */
  private long spent;

  SchedulerThread(DeviceRuntime rt, int index) {
    this.rt = rt;
    this.index = index;
    this.label = EventLabel.of(SnapshotDump.SCHED_PREFIX + index);
    this.dispatchOrder = index % 2 == 0
        ? new int[] {Shapes.MIX, Shapes.AIC, Shapes.AIV}
        : new int[] {Shapes.MIX, Shapes.AIV, Shapes.AIC};
  }

  /** Makes sure an iteration runs no later than {@code atNs} (and not before the thread is free). */
  void requestIteration(long atNs) {
    long at = Math.max(atNs, busyUntil);
    if (iteration != null && iteration.isPending()) {
      if (iteration.atNs() <= at) {
        return;
      }
      rt.kernel.cancel(iteration);
    }
    iteration = rt.kernel.scheduleAt(at, Ranks.SCHEDULER, label, this::iterate);
  }

  /** A core of this thread finished a block and the thread can now see it. */
  void blockFinished(int unit) {
    noticed.push(unit);
    requestIteration(rt.now());
  }

  /** Puts a newly ready task into the local buffer; false when the buffer is full. */
  boolean pushLocal(int shape, int task) {
    if (local[shape].size() >= LOCAL_CAPACITY) {
      return false;
    }
    local[shape].push(task);
    return true;
  }

  /** The local ready buffer of {@code shape} (empty between iterations: leftovers go to the shared queues). */
  IntQueue localQueue(int shape) {
    return local[shape];
  }

  IntQueue noticedBlocks() {
    return noticed;
  }

  IntList deferredReleases() {
    return deferred;
  }

  private void iterate() {
    iteration = null;
    rt.actionCostNs = 0;
    PlatformProfile p = rt.platform;
    long now = rt.now();
    spent = p.idleLoopNs();
    boolean progress = false;
    TaskTable t = rt.tasks;
    while (!noticed.isEmpty()) {
      int unit = noticed.pop();
      int block = rt.cores.blockOf(unit);
      CoreId core = rt.cores.coreId(unit);
      int task = rt.cores.release(unit);
      t.done[task]++;
      rt.record(new TraceEvent.BlockDone(now, t.id(task), block, t.blockNum[task], index, core));
      spent += p.pollNs();
      progress = true;
      if (t.done[task] == t.blockNum[task]) {
        rt.complete(task, this);
        deferRelease(task);
      }
    }
    for (int shape : dispatchOrder) {
      progress |= dispatch(shape, now);
    }
    for (int shape = 0; shape < Shapes.COUNT; shape++) {
      while (!local[shape].isEmpty()) {
        rt.enqueueShared(shape, local[shape].pop());
      }
    }
    if (!progress) {
      flushReleases();
    }
    busyUntil = now + spent + rt.actionCostNs;
    if (progress) {
      requestIteration(busyUntil);
    }
  }

  private void deferRelease(int task) {
    if (deferred.size() == RELEASE_BUFFER) {
      flushReleases();
    }
    deferred.add(task);
  }

  private void flushReleases() {
    while (!deferred.isEmpty()) {
      rt.releaseProducers(deferred.removeLast(), index);
      spent += rt.platform.pollNs();
    }
  }

  private boolean dispatch(int shape, long now) {
    TaskTable t = rt.tasks;
    boolean any = false;
    while (true) {
      IntQueue source = local[shape].isEmpty() ? rt.ready.queue(shape) : local[shape];
      if (source.isEmpty()) {
        return any;
      }
      int task = source.get(0);
      int unit = rt.cores.idleUnit(index, shape, t.mask[task]);
      if (unit < 0) {
        return any;
      }
      source.pop();
      if (t.nextBlock[task] == 0) {
        if (rt.monitor != null) {
          rt.monitor.dispatch(task);
        }
        rt.setState(task, TaskTable.RUNNING);
      }
      do {
        dispatchBlock(task, unit, shape, now);
      } while (t.nextBlock[task] < t.blockNum[task] && (unit = rt.cores.idleUnit(index, shape, t.mask[task])) >= 0);
      if (t.nextBlock[task] < t.blockNum[task]) {
        rt.enqueueShared(shape, task);
      }
      any = true;
    }
  }

  private void dispatchBlock(int task, int unit, int shape, long now) {
    TaskTable t = rt.tasks;
    PlatformProfile p = rt.platform;
    int block = t.nextBlock[task]++;
    long issue = now + spent;
    spent += p.pollNs();
    boolean switched = rt.cores.occupy(unit, task, block, t.mask[task]);
    long start = issue + p.dispatchNs() + (switched ? p.taskSwitchNs() : 0);
    long visible = start + t.durationNs[task] + p.finishNoticeNs();
    long id = t.id(task);
    rt.record(new TraceEvent.Dispatch(now, id, t.kernel[task], Shapes.trace(shape), block, t.blockNum[task], index,
        rt.cores.coreId(unit)));
    SchedulerThread owner = rt.threads[rt.cores.threadOfUnit(unit)];
    rt.kernel.scheduleAt(visible, Ranks.BLOCK_DONE, EventLabel.of(SnapshotDump.BLOCK_DONE, id),
        () -> owner.blockFinished(unit));
  }
}
