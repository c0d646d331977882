package io.ptosim.scheduler.runtime;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.des.event.TraceEvent;
import io.ptosim.des.kernel.SimKernel;
import io.ptosim.des.platform.PlatformProfile;
import io.ptosim.des.trace.TraceRecorder;
import io.ptosim.scheduler.fault.Fault;
import io.ptosim.scheduler.policy.StallFinding;
import io.ptosim.scheduler.policy.StallRecord;
import io.ptosim.scheduler.tensormap.TensorMap;
import io.ptosim.scheduler.version.RuntimeVersion;
import io.ptosim.scheduler.version.SchedulerRules;
import io.ptosim.scheduler.version.sched.AdvanceRule;
import java.util.Optional;

/**
 * The simulated PTO2 runtime of one run: task slots, rings, ready queues, cores, the three scheduler
 * threads and the orchestrator thread, all driven by events of one {@link SimKernel}. It owns the
 * transitions several threads share (ready, completion, fanout release, CONSUMED, ring advance);
 * the {@link Orchestrator} and each {@link SchedulerThread} own their own loops.
 *
 * <p>Every state change happens inside a kernel event and is recorded as a {@link TraceEvent}. Create
 * it with {@link #create}, {@link #start()} it, run the kernel, then read the outcome.
 */
public final class DeviceRuntime {

  final SimKernel kernel;
  /** The upstream runtime modelled: the model asks its rules, never its name. */
  final RuntimeVersion version;
  final TraceRecorder trace;
  final PlatformProfile platform;
  final TaskTable tasks;
  final Ring[] rings;
  final ReadyQueues ready;
  final Cores cores;
  final SchedulerThread[] threads;
  final Orchestrator orchestrator;
  final TensorMap tensorMap = new TensorMap();
  /** Null when the monitor is off, so that the hot path pays one null check. */
  final InvariantMonitor monitor;
  final boolean publishHiddenAlloc;
  final boolean readyWithoutTransition;
  /** #2260's fault: a finished deferred-completion task is never handed to the async wait list. */
  final boolean lostDeferredCompletion;
  /** Tasks with completion conditions in the async wait list (upstream's wait entries, one per task). */
  int asyncWaitEntries;
  /** The version's scheduler rules (the {@code lost-advance} fault swaps in the losing advance rule). */
  final SchedulerRules schedulerRules;
  /** The AICPU thread index of the orchestrator: after the scheduler threads. */
  final int orchestratorThread;
  /** How long a ring's advance try-lock is held: one shared-memory round trip per scan. */
  final long advanceHoldNs;

  /** Virtual time the current action (event) has spent so far on its thread, beyond its base cost. */
  long actionCostNs;

  private final java.util.List<String> schedulerLog = new java.util.ArrayList<>();
  private int completedCount;
  private boolean aborted;
  private int abortCode;
  private String abortMessage = "";
  private Optional<Snapshot> abortSnapshot = Optional.empty();
  private ImmutableList<String> deviceLog = ImmutableList.of();

  private DeviceRuntime(RuntimeSetup setup, SimKernel kernel, TraceRecorder trace) {
    this.kernel = kernel;
    this.version = setup.version();
    this.trace = trace;
    this.platform = setup.platform();
    int taskCount = setup.program().taskCount();
    this.tasks = new TaskTable(taskCount);
    this.rings = new Ring[RingConfig.RING_COUNT];
    for (int r = 0; r < rings.length; r++) {
      rings[r] = new Ring(r, setup.rings().ring(r));
    }
    this.ready = new ReadyQueues();
    this.cores = new Cores(platform);
    this.orchestratorThread = platform.schedulerThreads();
    this.advanceHoldNs = platform.pollNs();
    this.monitor = setup.invariantMonitor() ? new InvariantMonitor(this) : null;
    this.publishHiddenAlloc = setup.faults().contains(Fault.PUBLISH_HIDDEN_ALLOC);
    this.readyWithoutTransition = setup.faults().contains(Fault.READY_WITHOUT_TRANSITION);
    this.lostDeferredCompletion = setup.faults().contains(Fault.LOST_DEFERRED_COMPLETION);
    this.schedulerRules = setup.faults().contains(Fault.LOST_ADVANCE)
        ? version.scheduler().withAdvance(new AdvanceRule.LoserReturns()) : version.scheduler();
    this.threads = new SchedulerThread[platform.schedulerThreads()];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new SchedulerThread(this, t, schedulerRules);
    }
    this.orchestrator = new Orchestrator(this, setup.program(), setup.publishMode(), setup.policy());
  }

  /** A runtime for {@code setup} on {@code kernel}, recording into {@code trace}; nothing is scheduled yet. */
  public static DeviceRuntime create(RuntimeSetup setup, SimKernel kernel, TraceRecorder trace) {
    Preconditions.checkNotNull(setup, "setup");
    Preconditions.checkNotNull(kernel, "kernel");
    Preconditions.checkNotNull(trace, "trace");
    return new DeviceRuntime(setup, kernel, trace);
  }

  /** Schedules the orchestrator's first op. */
  public void start() {
    orchestrator.start();
  }

  // ---------------------------------------------------------------- queries for the run

  public int taskCount() {
    return tasks.capacity;
  }

  /** Tasks that reached COMPLETED (or CONSUMED) so far. */
  public int tasksCompleted() {
    int n = 0;
    for (int g = 0; g < tasks.size; g++) {
      if (tasks.state[g] >= TaskTable.COMPLETED) {
        n++;
      }
    }
    return n;
  }

  public boolean orchestratorFinished() {
    return orchestrator.finished();
  }

  public boolean orchestratorBlocked() {
    return orchestrator.blocked();
  }

  public boolean aborted() {
    return aborted;
  }

  public int abortCode() {
    return abortCode;
  }

  public String abortMessage() {
    return abortMessage;
  }

  /** What the scheduler threads printed (their timeout lines and STALL dumps, in each version's own text). */
  public ImmutableList<String> schedulerLog() {
    return ImmutableList.copyOf(schedulerLog);
  }

  void schedulerLog(java.util.List<String> lines) {
    schedulerLog.addAll(lines);
  }

  /** The snapshot taken when the run aborted. */
  public Optional<Snapshot> abortSnapshot() {
    return abortSnapshot;
  }

  /** The version's own fatal report of the abort ({@link io.ptosim.scheduler.version.orch.DiagnosticText}), if any. */
  public ImmutableList<String> deviceLog() {
    // a scheduler thread that latched its timeout printed the report: its TIMEOUT_EXIT and STALL dump
    return deviceLog.isEmpty() && aborted ? ImmutableList.copyOf(schedulerLog) : deviceLog;
  }

  /** The orchestrator's current stall in the version's report text, for a dump taken while blocked. */
  public ImmutableList<String> stallReport() {
    return orchestrator.stallReport();
  }

  public ImmutableList<StallRecord> stalls() {
    return orchestrator.stallRecords();
  }

  /** The last verdict a policy recorded, if any. */
  public Optional<StallFinding> finding() {
    return orchestrator.finding();
  }

  /** The runtime's state now, as the stall checker reads it. */
  public Snapshot snapshot() {
    return SnapshotDump.of(this);
  }

  /**
   * The kernel has nothing left to run. Asks the policy when the orchestrator is blocked; checks
   * the quiescent invariants when the monitor is on. Returns whether the policy aborted.
   */
  public boolean onQuiescent() {
    if (monitor != null) {
      monitor.quiescent();
    }
    if (orchestrator.blocked() && !aborted) {
      orchestrator.quiescent();
    }
    return aborted;
  }

  /**
   * The kernel ran dry with work left and the orchestrator done: the scheduler threads are spinning
   * idle, so their timeouts are due. Arms each idle thread's timer; true when one was armed (the run
   * must go on until it fires), false when nothing can happen.
   */
  public boolean resumeOnQuiescent() {
    if (aborted || !orchestrator.finished() || runDone() || tasksCompleted() == tasks.size) {
      return false;
    }
    for (SchedulerThread t : threads) {
      t.armTimeout();
    }
    return kernel.pendingList().stream().anyMatch(e -> e.label().kind().equals(SnapshotDump.SCHED_TIMEOUT));
  }

  /** The orchestrator returned: once every task is done too, the scheduler threads exit their loops. */
  void onOrchestratorDone() {
    if (runDone()) {
      for (SchedulerThread t : threads) {
        t.cancelTimeout();
      }
    }
  }

  // ---------------------------------------------------------------- shared transitions

  long now() {
    return kernel.now();
  }

  void record(TraceEvent event) {
    trace.record(event);
  }

  void setState(int task, byte to) {
    if (monitor != null) {
      monitor.stateChange(task, tasks.state[task], to);
    }
    if (to == TaskTable.COMPLETED && tasks.state[task] < TaskTable.COMPLETED) {
      completedCount++;
      if (runDone()) {
        for (SchedulerThread t : threads) {
          t.cancelTimeout();
        }
      }
    }
    tasks.state[task] = to;
  }

  /** The orchestrator returned and every task completed: upstream's threads leave their loops normally. */
  boolean runDone() {
    return orchestrator != null && orchestrator.finished() && completedCount >= tasks.size;
  }

  /**
   * The task's fanin is complete: PENDING to READY (skipped on the completion path under
   * {@link Fault#READY_WITHOUT_TRANSITION}), a Ready event, and into a ready queue: the thread's
   * local buffer when a scheduler thread found it, the shared queue (waking idle threads) otherwise.
   */
  void makeReady(int task, int thread, boolean fromCompletion) {
    if (!(fromCompletion && readyWithoutTransition)) {
      setState(task, TaskTable.READY);
    }
    int shape = Shapes.of(tasks.mask[task]);
    record(new TraceEvent.Ready(now(), tasks.id(task), Shapes.trace(shape), tasks.faninDone[task],
        tasks.faninTotal[task], thread));
    if (monitor != null) {
      monitor.enqueue(task);
    }
    if (thread < orchestratorThread && threads[thread].pushLocal(shape, task)) {
      return;
    }
    enqueueShared(shape, task);
  }

  void enqueueShared(int shape, int task) {
    ready.push(shape, task);
    wake(shape);
  }

  /** Work of {@code shape} arrived in a shared queue: idle threads notice it within one idle loop. */
  void wake(int shape) {
    wakeExcept(shape, -1);
  }

  /**
   * Wakes every scheduler thread but {@code except} (-1: none) that could place a block of {@code
   * shape}: on an idle core, or (pending slots) in a free pending slot once no peer has an idle core
   * of the shape. Upstream's threads spin, so they see a queued task within one idle loop.
   */
  void wakeExcept(int shape, int except) {
    long at = now() + platform.idleLoopNs();
    for (SchedulerThread t : threads) {
      if (t.index == except) {
        continue;
      }
      boolean pendingRoom = shape == Shapes.MIX ? cores.anyFreeSlot(t.index) : cores.pendingCount(t.index, shape) > 0;
      if (cores.mayDispatch(t.index, shape) || schedulerRules.dispatch().pendingSlots() && pendingRoom
          && !cores.idleElsewhere(t.index, shape)) {
        t.requestIteration(at);
      }
    }
  }

  /** The orchestrator releases the publish barrier: the task can become READY. */
  void publish(int task) {
    if (monitor != null) {
      monitor.publish(task);
    }
    tasks.published[task] = true;
    tasks.faninDone[task]++;
    record(new TraceEvent.Publish(now(), tasks.id(task), tasks.faninDone[task], tasks.faninTotal[task]));
    if (tasks.faninDone[task] == tasks.faninTotal[task]) {
      makeReady(task, orchestratorThread, false);
    }
  }

  /**
   * Wires the task's producers, as upstream's submit (or deferred scope_end) does: each producer
   * gains a fanout reference; one that already completed counts as released at once, the others
   * get the task prepended to their fanout list. A producer that became CONSUMED since the edge was
   * recorded (possible only for a deferred task's cross-scope producer) is retired as far as the
   * consumer is concerned: the edge is dropped and counts as released.
   */
  void wire(int task) {
    int early = 0;
    int previous = LinkedIntLists.END;
    int e = tasks.producers.first(task);
    while (e != LinkedIntLists.END) {
      int p = tasks.producers.value(e);
      if (tasks.state[p] == TaskTable.CONSUMED) {
        early++;
        e = tasks.producers.unlink(task, previous, e);
        continue;
      }
      tasks.fanoutTotal[p]++;
      if (tasks.state[p] >= TaskTable.COMPLETED) {
        early++;
      } else {
        tasks.consumers.prepend(p, task);
      }
      previous = e;
      e = tasks.producers.next(e);
    }
    tasks.faninDone[task] += early;
  }

  /** All blocks done: COMPLETED, then each waiting consumer's fanin is released. */
  void complete(int task, SchedulerThread thread) {
    setState(task, TaskTable.COMPLETED);
    record(new TraceEvent.Complete(now(), tasks.id(task), thread.index));
    for (int e = tasks.consumers.first(task); e != LinkedIntLists.END; e = tasks.consumers.next(e)) {
      int c = tasks.consumers.value(e);
      tasks.faninDone[c]++;
      if (tasks.faninDone[c] == tasks.faninTotal[c]) {
        makeReady(c, thread.index, true);
      }
    }
  }

  /** Upstream on_task_release: release one fanout reference of every producer, then check self. */
  void releaseProducers(int task, int thread) {
    long by = tasks.id(task);
    for (int e = tasks.producers.first(task); e != LinkedIntLists.END; e = tasks.producers.next(e)) {
      int p = tasks.producers.value(e);
      tasks.fanoutDone[p]++;
      record(new TraceEvent.FanoutRelease(now(), tasks.id(p), by, tasks.fanoutDone[p], tasks.fanoutTotal[p], thread));
      checkConsumed(p, thread);
    }
    checkConsumed(task, thread);
  }

  /** The owning scope ended: its reference is released by the orchestrator. */
  void releaseScopeReference(int task) {
    tasks.fanoutDone[task]++;
    record(new TraceEvent.FanoutRelease(now(), tasks.id(task), -1, tasks.fanoutDone[task], tasks.fanoutTotal[task],
        orchestratorThread));
    checkConsumed(task, orchestratorThread);
  }

  /** Upstream check_and_handle_consumed: COMPLETED with every fanout reference released. */
  void checkConsumed(int task, int thread) {
    if (tasks.state[task] != TaskTable.COMPLETED || tasks.fanoutDone[task] != tasks.fanoutTotal[task]) {
      return;
    }
    setState(task, TaskTable.CONSUMED);
    if (monitor != null) {
      monitor.consumed(task);
    }
    record(new TraceEvent.Consumed(now(), tasks.id(task), thread));
    tryAdvance(tasks.ring[task], thread);
  }

  /**
   * The thread that made a task CONSUMED tries the ring's advance lock. A winner scans the
   * CONSUMED prefix now and holds the lock for {@link #advanceHoldNs}. A loser (another thread
   * inside that interval) may have made the head CONSUMED after the winner's scan; what it does is
   * the version's {@link AdvanceRule}: pr482 (and the {@link Fault#LOST_ADVANCE} fault) just returns
   * (#1545); main sets the ring's pending bit (#1586), which the next idle scheduler iteration drains.
   */
  void tryAdvance(int r, int thread) {
    Ring ring = rings[r];
    long now = now();
    if (ring.lockedUntil > now && ring.lockOwner != thread) {
      if (schedulerRules.advance().marksPending() && !ring.advancePending) {
        ring.advancePending = true;
        // every scheduler thread spins; the first idle iteration of any of them drains the bit (the
        // others then find it clear), so only the thread free first is woken (lowest index on a tie)
        SchedulerThread first = null;
        for (SchedulerThread t : threads) {
          if (!t.exited() && (first == null || t.freeAt() < first.freeAt())) {
            first = t;
          }
        }
        if (first != null) {
          first.requestIteration(now + platform.idleLoopNs());
        }
      }
      return;
    }
    advance(r, thread);
  }

  /**
   * main's drain_pending_ring_advances, on a scheduler iteration without progress: each ring with
   * its pending bit whose lock is free is advanced (bit cleared first); a ring still locked keeps its
   * bit and is retried on the next idle iteration. True when some last_alive moved (progress).
   */
  boolean drainPendingAdvances(int thread) {
    boolean advanced = false;
    boolean retry = false;
    long now = now();
    for (int r = 0; r < rings.length; r++) {
      Ring ring = rings[r];
      if (!ring.advancePending) {
        continue;
      }
      if (ring.lockedUntil > now && ring.lockOwner != thread) {
        retry = true;
        continue;
      }
      ring.advancePending = false;
      int before = ring.lastAlive;
      advance(r, thread);
      advanced |= ring.lastAlive != before;
    }
    if (retry) {
      threads[thread].requestIteration(now + platform.idleLoopNs());
    }
    return advanced;
  }

  /** Holds the ring's advance lock and moves last_alive over the CONSUMED prefix. */
  private void advance(int r, int thread) {
    Ring ring = rings[r];
    long now = now();
    ring.lockOwner = thread;
    ring.lockedUntil = now + advanceHoldNs;
    actionCostNs += advanceHoldNs;
    int from = ring.lastAlive;
    while (ring.lastAlive < ring.current && tasks.state[ring.taskAt(ring.lastAlive)] == TaskTable.CONSUMED) {
      int task = ring.taskAt(ring.lastAlive);
      if (monitor != null) {
        monitor.retire(task);
      }
      tensorMap.retire(task);
      ring.lastAlive++;
    }
    if (ring.lastAlive > from) {
      record(new TraceEvent.RingAdvance(now, r, from, ring.lastAlive, thread));
      orchestrator.onRingAdvance(r);
    }
  }

  /** Ends the run as {@link #abort(int, String)} does, with the version's fatal report of {@code failure}. */
  void abort(int code, String message, io.ptosim.scheduler.version.orch.DeviceFailure failure) {
    if (!aborted) {
      deviceLog = version.orchestrator().diagnostics().lines(failure);
    }
    abort(code, message);
  }

  /** Ends the run as the device would: an Abort event, the snapshot of this instant, and a stop. */
  void abort(int code, String message) {
    if (aborted) {
      return;
    }
    record(new TraceEvent.Abort(now(), code, message));
    aborted = true;
    abortCode = code;
    abortMessage = message;
    abortSnapshot = Optional.of(snapshot());
    kernel.stop();
  }
}
