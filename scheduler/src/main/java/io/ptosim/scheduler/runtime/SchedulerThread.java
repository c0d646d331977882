package io.ptosim.scheduler.runtime;

import io.ptosim.des.event.CoreId;
import io.ptosim.des.event.TraceEvent;
import io.ptosim.des.kernel.EventHandle;
import io.ptosim.des.kernel.EventLabel;
import io.ptosim.des.platform.CoreType;
import io.ptosim.des.platform.PlatformProfile;
import io.ptosim.scheduler.version.SchedulerRules;
import io.ptosim.scheduler.program.Op;
import io.ptosim.scheduler.version.sched.AsyncCompletionRule;
import io.ptosim.scheduler.version.sched.DispatchRule;
import io.ptosim.scheduler.version.sched.SchedulerTimeoutRule;

/**
 * One AICPU scheduler thread, modelled event-driven rather than as a polling loop: it runs one
 * <em>iteration</em> of upstream's scheduler loop when there is something to see (a core's finish
 * became visible, work arrived in a shared queue while it has an idle core, a pending ring advance
 * waits for an idle iteration, or its previous iteration made progress), never while it would only
 * spin. The spinning in between is counted, not simulated: an idle thread spins one iteration per
 * {@code idleLoopNs} from its first iteration without progress, which is what its timeout rule counts.
 *
 * <p>An iteration, at instant {@code t}: handles every noticed block finish (completion, consumers'
 * fanin, newly ready tasks into its local buffers when the version has them), dispatches ready tasks
 * to its idle cores in the version's order and batches (local buffer last in first out, then the
 * shared queue first in first out), moves what is left in its local buffers to the shared queues,
 * and, only if it made no progress, flushes its deferred releases and drains pending ring advances
 * when the version has them. Its events are stamped {@code t}; the iteration's cost makes the thread
 * busy until {@code t + cost}, delays its dispatches' arrival at the cores, and a thread that made
 * progress iterates again when it is free (that next iteration may be the idle one).
 */
final class SchedulerThread {
  /** Upstream's deferred-release buffer size. */
  static final int RELEASE_BUFFER = 256;

  final int index;
  private final DeviceRuntime rt;
  private final EventLabel label;
  private final EventLabel timeoutLabel;
  private final DispatchRule dispatchRule;
  private final SchedulerTimeoutRule timeoutRule;
  private final AsyncCompletionRule asyncRule;
  private final int[] dispatchOrder;
  private final int localCapacity;
  private final IntQueue[] local = {new IntQueue(), new IntQueue(), new IntQueue()};
  /** Units whose block finish is visible to this thread, in the order they became visible. */
  private final IntQueue noticed = new IntQueue();
  /** Completed tasks whose producers are not released yet (drained last in, first out). */
  private final IntList deferred = new IntList(RELEASE_BUFFER);
  /**
   * Finished deferred-completion tasks handed to the async wait list, polled at the start of the next
   * iteration (upstream: pushed to the completion mailbox, drained and polled by its consumer).
   */
  private final IntList awaiting = new IntList(4);
  private long busyUntil;
  private EventHandle iteration;
  /** Cost of the running iteration so far. */
  private long spent;

  /** When the last iteration with progress ended (upstream last_progress_ts). */
  private long lastProgressNs;
  /** When the first iteration without progress since then started; -1 while the thread makes progress. */
  private long firstIdleNs = -1;
  private EventHandle timeout;
  /** The thread left its loop (pr482's idle timeout): it polls and dispatches no more. */
  private boolean exited;

  SchedulerThread(DeviceRuntime rt, int index, SchedulerRules rules) {
    this.rt = rt;
    this.index = index;
    this.label = EventLabel.of(SnapshotDump.SCHED_PREFIX + index);
    this.timeoutLabel = EventLabel.of(SnapshotDump.SCHED_TIMEOUT);
    this.dispatchRule = rules.dispatch();
    this.timeoutRule = rules.timeout();
    this.asyncRule = rules.asyncCompletion();
    this.localCapacity = rules.readyBuffers().localCapacity();
    this.dispatchOrder = dispatchRule.order(index).stream().mapToInt(s -> s.code()).toArray();
  }

  /** Makes sure an iteration runs no later than {@code atNs} (and not before the thread is free). */
  void requestIteration(long atNs) {
    if (exited) {
      return;
    }
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

  /** Puts a newly ready task into the local buffer; false when the version has none or it is full. */
  boolean pushLocal(int shape, int task) {
    if (local[shape].size() >= localCapacity) {
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

  /** Finished deferred-completion tasks whose condition the next iteration polls. */
  IntList awaitingCompletion() {
    return awaiting;
  }

  /** When the thread can next iterate: now, or when its current iteration's cost is spent. */
  long freeAt() {
    return busyUntil;
  }

  boolean exited() {
    return exited;
  }

  /** When the current idle spell's first iteration started, or -1 while the thread makes progress. */
  long firstIdleNs() {
    return firstIdleNs;
  }

  /** Idle since {@link #firstIdleNs}: the number of the idle iteration running at {@code atNs}. */
  long idleIterationsAt(long atNs) {
    return firstIdleNs < 0 ? 0 : 1 + (atNs - firstIdleNs) / Math.max(1, rt.platform.idleLoopNs());
  }

  private void iterate() {
    iteration = null;
    if (exited) {
      return;
    }
    rt.actionCostNs = 0;
    PlatformProfile p = rt.platform;
    long now = rt.now();
    spent = p.idleLoopNs();
    boolean progress = false;
    TaskTable t = rt.tasks;
    // The async wait list first: every registered condition is met (see DeferredCompletion).
    for (int i = 0; i < awaiting.size(); i++) {
      int task = awaiting.get(i);
      spent += p.pollNs();
      rt.asyncWaitEntries--;
      rt.complete(task, this);
      deferRelease(task);
      progress = true;
    }
    awaiting.clear();
    while (!noticed.isEmpty()) {
      int unit = noticed.pop();
      int block = rt.cores.blockOf(unit);
      CoreId core = rt.cores.coreId(unit);
      int task = rt.cores.release(unit);
      // this core's subtask hands its registered conditions over (upstream complete_slot_task, per core)
      int slot = subtaskSlot(task, core);
      if (t.conditions[3 * task + slot] > 0 && !handOffConditions(task, slot, block, core)) {
        return; // the thread latched an async error code and stopped: the run ends here
      }
      spent += p.pollNs();
      progress = true;
      if (Shapes.of(t.mask[task]) == Shapes.MIX) {
        // one core of a MIX block: it is free now; the block is done with its last core
        rt.record(new TraceEvent.SubtaskDone(now, t.id(task), block, t.blockNum[task], index, core));
        if (rt.cores.clusterHolds(unit, task, block)) {
          continue;
        }
        core = rt.cores.mixFirstCore(unit, t.mask[task]);
      }
      t.done[task]++;
      rt.record(new TraceEvent.BlockDone(now, t.id(task), block, t.blockNum[task], index, core));
      if (t.done[task] == t.blockNum[task]) {
        if (t.registered[task] == 0) {
          rt.complete(task, this);
          deferRelease(task);
        } else if (!rt.lostDeferredCompletion) {
          awaiting.add(task);
        }
        // else (#2260's fault): the hand-off is lost; nothing will ever complete the task
      }
    }
    boolean narrowYield = false;
    int placedIdle = 0; // bit per shape whose IDLE pass placed a block
    for (int shape : dispatchOrder) {
      if (shape != Shapes.MIX && narrowYield) {
        continue;
      }
      if (dispatch(shape, now, false)) {
        placedIdle |= 1 << shape;
        progress = true;
      }
      if (shape == Shapes.MIX && dispatchRule.narrowYieldsToQueuedMix() && !rt.ready.queue(Shapes.MIX).isEmpty()) {
        narrowYield = true;
      }
    }
    if (dispatchRule.pendingSlots()) {
      // PENDING stage: MIX-PENDING first, even while AIC/AIV yield to queued MIX, unless a peer thread
      // has a whole idle cluster (its next MIX-IDLE pass takes the task sooner); then AIC/AIV-PENDING
      // unless MIX is still queued, each unless a peer has an idle core of the shape
      if (!rt.cores.idleElsewhere(index, Shapes.MIX)) {
        progress |= dispatch(Shapes.MIX, now, true);
      }
      if (!narrowYield && dispatchRule.narrowYieldsToQueuedMix() && !rt.ready.queue(Shapes.MIX).isEmpty()) {
        narrowYield = true;
      }
      if (!narrowYield) {
        for (int shape : dispatchOrder) {
          if (shape != Shapes.MIX && !rt.cores.idleElsewhere(index, shape)) {
            progress |= dispatch(shape, now, true);
          }
        }
      }
    }
    for (int shape : dispatchOrder) {
      while (!local[shape].isEmpty()) {
        rt.enqueueShared(shape, local[shape].pop());
      }
    }
    if (dispatchRule.pendingSlots()) {
      for (int shape : dispatchOrder) {
        // This pass took idle cores and tasks are still queued: a peer whose pending stage waited for
        // those idle cores to go may pre-load now, and its spinning loop would see it (review: a peer
        // skipped at enqueue time was never woken again).
        if ((placedIdle & 1 << shape) != 0 && !rt.ready.queue(shape).isEmpty()) {
          rt.wakeExcept(shape, index);
        }
      }
    }
    if (!progress) {
      flushReleases();
      progress = rt.drainPendingAdvances(index);
    }
    busyUntil = now + spent + rt.actionCostNs;
    if (progress) {
      lastProgressNs = busyUntil;
      firstIdleNs = -1;
      cancelTimeout();
      requestIteration(busyUntil);
    } else {
      if (firstIdleNs < 0) {
        firstIdleNs = now;
      }
      armTimeout();
    }
  }

  /**
   * Schedules the timeout of the current idle spell, when the rule could act on it: pr482's limit
   * always, main's budget only while this thread owns a running block or the orchestrator is done
   * (before that main's gate cannot pass: total_tasks_ is 0 until the orchestrator finishes).
   */
  void armTimeout() {
    if (exited || firstIdleNs < 0 || rt.runDone() || (timeout != null && timeout.isPending())) {
      return;
    }
    if (!timeoutRule.armed(rt.cores.ownsRunning(index), rt.orchestratorFinished())) {
      return;
    }
    long k = timeoutRule.firingIteration(rt.platform.idleLoopNs(), firstIdleNs, lastProgressNs);
    long at = Math.max(rt.now(), firstIdleNs + (k - 1) * Math.max(1, rt.platform.idleLoopNs()));
    timeout = rt.kernel.scheduleAt(at, Ranks.POLICY_TIMER, timeoutLabel, () -> fireTimeout(k));
  }

  void cancelTimeout() {
    if (timeout != null && timeout.isPending()) {
      rt.kernel.cancel(timeout);
    }
    timeout = null;
  }

  private void fireTimeout(long idleIterations) {
    timeout = null;
    if (exited || rt.aborted() || rt.runDone()) {
      return;
    }
    SchedulerTimeoutRule.TimeoutAction action = timeoutRule.onFire(SchedulerStallScan.of(rt, index), idleIterations);
    rt.schedulerLog(action.lines());
    if (action instanceof SchedulerTimeoutRule.ThreadExit) {
      rt.record(new TraceEvent.SchedulerTimeout(rt.now(), index, idleIterations, "exit", ""));
      exited = true;
      if (iteration != null && iteration.isPending()) {
        rt.kernel.cancel(iteration);
      }
      iteration = null;
    } else if (action instanceof SchedulerTimeoutRule.Latch l) {
      rt.record(new TraceEvent.SchedulerTimeout(rt.now(), index, idleIterations, "latch", l.subClass().label()));
      rt.abort(l.code(), l.message());
    } else {
      // upstream refreshes last_progress_ts and keeps spinning: the next budget counts from now. While
      // no core runs, nothing can change the gate before quiescence, which re-arms the idle threads.
      lastProgressNs = rt.now();
      if (rt.cores.anyRunning()) {
        armTimeout();
      }
    }
  }

  /**
   * The subtask whose finish was just noticed (one core: a single-core block, or one core of a MIX
   * block) hands its registered conditions to the async wait list ({@link DeferredCompletion}): a
   * slab past its capacity (the kernel latched ASYNC_WAIT_OVERFLOW into it), a new wait entry past
   * the list's capacity, or a task's entry past its own capacity ends the run with the rule's code,
   * before the subtask counts as done. False when it did.
   */
  private boolean handOffConditions(int task, int slot, int block, CoreId core) {
    TaskTable t = rt.tasks;
    int n = t.conditions[3 * task + slot];
    String where = "task " + t.id(task) + " block " + block + " on " + core;
    if (n > asyncRule.slabCapacity()) {
      latch(AsyncCompletionRule.ASYNC_WAIT_OVERFLOW, "ASYNC_WAIT_OVERFLOW: " + where + ": its kernel registered " + n
          + " completion conditions, past the " + asyncRule.slabCapacity() + " its deferred slab holds");
      return false;
    }
    if (t.registered[task] == 0) {
      if (rt.asyncWaitEntries >= asyncRule.waitListCapacity()) {
        latch(AsyncCompletionRule.ASYNC_WAIT_OVERFLOW, "ASYNC_WAIT_OVERFLOW: " + where + ": the async wait list already"
            + " holds " + rt.asyncWaitEntries + " tasks with completion conditions in flight");
        return false;
      }
      rt.asyncWaitEntries++;
    }
    if ((long) t.registered[task] + n > asyncRule.entryCapacity()) {
      latch(AsyncCompletionRule.ASYNC_REGISTRATION_FAILED, "ASYNC_REGISTRATION_FAILED: " + where + ": its task's"
          + " subtasks registered " + ((long) t.registered[task] + n) + " completion conditions, past the "
          + asyncRule.entryCapacity() + " its async wait entry holds");
      return false;
    }
    t.registered[task] += n;
    return true;
  }

  /**
   * The subtask slot whose finish {@code core} reports: a MIX block's core by its kind (AIC, or the
   * cluster's first or second AIV core), a single-core block its mask's one slot.
   */
  private int subtaskSlot(int task, CoreId core) {
    int mask = rt.tasks.mask[task] & 7;
    if (mask == 0) {
      return Op.Submit.AIV0; // a hidden alloc_tensors task dispatched by the publish-hidden-alloc fault registers nothing
    }
    if (Shapes.of(mask) != Shapes.MIX) {
      return Integer.numberOfTrailingZeros(mask);
    }
    return core.type() == CoreType.AIC ? Op.Submit.AIC : Op.Submit.AIV0 + core.index() % 2;
  }

  /** The scheduler latches {@code code} as its error code and stops; the device prints the rule's report. */
  private void latch(int code, String message) {
    rt.schedulerLog(asyncRule.report(code));
    rt.abort(code, message);
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

  /**
   * One shape's dispatch: while the thread has cores for the shape, pop a batch of as many tasks as
   * it has valid clusters (or idle cores, per the rule), local buffer first (newest first), then the
   * shared queue (oldest first), and give each task as many blocks as fit. A task that got no core
   * or has blocks left goes back to the shared queue's tail, as upstream re-pushes it.
   */
  private boolean dispatch(int shape, long now, boolean pending) {
    TaskTable t = rt.tasks;
    boolean any = false;
    IntQueue shared = rt.ready.queue(shape);
    boolean whole = dispatchRule.mixNeedsWholeCluster();
    while (true) {
      int want = pending ? rt.cores.pendingCount(index, shape)
          : rt.cores.batchSize(index, shape, whole, dispatchRule.aivBatchPerCore());
      if (want == 0) {
        return any;
      }
      int[] batch = new int[want];
      int got = 0;
      while (got < want && !local[shape].isEmpty()) {
        batch[got++] = local[shape].popLast();
      }
      while (got < want && !shared.isEmpty()) {
        batch[got++] = shared.pop();
      }
      if (got == 0) {
        return any;
      }
      boolean placed = false;
      for (int i = 0; i < got; i++) {
        int task = batch[i];
        int unit = nextUnit(shape, t.mask[task], pending, whole);
        if (unit < 0) {
          // no wake: a core of some thread must free first, and that thread iterates when it does
          rt.ready.push(shape, task);
          continue;
        }
        if (t.nextBlock[task] == 0) {
          if (rt.monitor != null) {
            rt.monitor.dispatch(task);
          }
          rt.setState(task, TaskTable.RUNNING);
        }
        do {
          dispatchBlock(task, unit, shape, now);
        } while (t.nextBlock[task] < t.blockNum[task]
            && (unit = nextUnit(shape, t.mask[task], pending, whole)) >= 0);
        if (t.nextBlock[task] < t.blockNum[task]) {
          rt.enqueueShared(shape, task);
        }
        placed = true;
        any = true;
      }
      if (!placed) {
        return any;
      }
    }
  }

  /** Where the next block of a task of {@code shape} and {@code mask} goes in this stage, or -1. */
  private int nextUnit(int shape, int mask, boolean pending, boolean whole) {
    if (!pending) {
      return rt.cores.idleUnit(index, shape, mask, whole);
    }
    return shape == Shapes.MIX ? rt.cores.mixPendingUnit(index, mask) : rt.cores.pendingUnit(index, shape);
  }

  private void dispatchBlock(int task, int unit, int shape, long now) {
    if (rt.cores.isMixToken(unit)) {
      dispatchMixBlock(task, unit, now);
      return;
    }
    TaskTable t = rt.tasks;
    PlatformProfile p = rt.platform;
    int block = t.nextBlock[task]++;
    long issue = now + spent;
    spent += p.pollNs();
    boolean switched = rt.cores.occupy(unit, task, block, t.mask[task]);
    long start = rt.cores.startAfter(unit, issue + p.dispatchNs() + (switched ? p.taskSwitchNs() : 0));
    long visible = start + t.durationNs[task] + p.finishNoticeNs();
    rt.cores.kernelWindow(unit, start, start + t.durationNs[task]);
    long id = t.id(task);
    rt.record(new TraceEvent.Dispatch(now, id, t.kernel[task], Shapes.trace(shape), block, t.blockNum[task], index,
        rt.cores.coreId(unit)));
    SchedulerThread owner = rt.threads[rt.cores.threadOfUnit(unit)];
    rt.kernel.scheduleAt(visible, Ranks.BLOCK_DONE, EventLabel.of(SnapshotDump.BLOCK_DONE, id),
        () -> owner.blockFinished(unit));
  }

  /**
   * One MIX block on the cluster of {@code token}: each core the mask names gets its subtask
   * (upstream dispatch_mix_block_to_cluster / prepare_block_for_dispatch), all published at once,
   * and runs its own slot's kernel; each core's finish is noticed on its own. In a MIX-PENDING
   * placement (main) a busy core takes the subtask in its free slot and starts it when its running
   * kernel ends (prepare_block_for_dispatch's per-core to_pending).
   */
  private void dispatchMixBlock(int task, int token, long now) {
    TaskTable t = rt.tasks;
    PlatformProfile p = rt.platform;
    int block = t.nextBlock[task]++;
    long issue = now + spent;
    long id = t.id(task);
    int c = rt.cores.clusterOfToken(token);
    SchedulerThread owner = rt.threads[rt.cores.threadOfUnit(token)];
    rt.cores.placeMix(token, task, block, t.mask[task]);
    for (int slot = 0; slot < 3; slot++) {
      int core = rt.cores.coreUnit(c, slot);
      if ((t.mask[task] & (1 << slot)) == 0 || core < 0) {
        continue;
      }
      spent += p.pollNs();
      // an idle core takes the subtask in its running slot, a busy one (MIX-PENDING) in its free slot
      int unit = rt.cores.mixSlot(core);
      boolean switched = rt.cores.occupy(unit, task, block, t.mask[task]);
      long start = rt.cores.startAfter(unit, issue + p.dispatchNs() + (switched ? p.taskSwitchNs() : 0));
      long end = start + t.slotDurationNs[3 * task + slot];
      rt.cores.kernelWindow(unit, start, end);
      rt.kernel.scheduleAt(end + p.finishNoticeNs(), Ranks.BLOCK_DONE, EventLabel.of(SnapshotDump.BLOCK_DONE, id),
          () -> owner.blockFinished(unit));
    }
    rt.record(new TraceEvent.Dispatch(now, id, t.kernel[task], Shapes.trace(Shapes.MIX), block, t.blockNum[task], index,
        rt.cores.coreId(token)));
  }
}
