package io.ptosim.scheduler.runtime;

import com.google.common.collect.ImmutableList;
import io.ptosim.analysis.snapshot.Count;
import io.ptosim.analysis.snapshot.DepPoolRecord;
import io.ptosim.analysis.snapshot.FaninPoolRecord;
import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.PendingEvent;
import io.ptosim.analysis.snapshot.RingRecord;
import io.ptosim.analysis.snapshot.ScopeMode;
import io.ptosim.analysis.snapshot.ScopeRecord;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.snapshot.TaskRecord;
import io.ptosim.analysis.snapshot.TaskState;
import io.ptosim.analysis.snapshot.TraceEvidence;
import io.ptosim.analysis.snapshot.WaitResource;
import io.ptosim.scheduler.policy.StallResource;
import io.ptosim.scheduler.version.orch.DepPoolAccounting;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Dumps the runtime as an analysis {@link Snapshot}: every live task of every ring (last_alive to
 * current) with its device counters, ring and scope, the edges among live tasks, the four rings,
 * the open scopes and those owning live tasks, the orchestrator (at #277's scope check: blocked on
 * the task ring at the refused submit, with its scope), and the kernel's pending events
 * in the checker's vocabulary. A scheduler-thread iteration is listed as what it will do: one
 * {@code complete} per finished deferred-completion task its async wait list holds, one
 * {@code complete} (or {@code block_done}) per finish it has seen, one {@code release} per deferred
 * release, else a {@code dispatch}. The stall policy's own timer is not runtime activity and is left
 * out. Every task waiting in a ready queue is also listed as the device's {@code ready(local)} trace
 * line (evidence).
 */
final class SnapshotDump {
  static final String BLOCK_DONE = "block_done";
  static final String ADVANCE = "advance";
  static final String ORCHESTRATOR = "orchestrator";
  static final String PUBLISH = "publish";
  static final String POLICY_TIMER = "policy_timer";
  static final String SCHED_PREFIX = "sched";
  /** A scheduler thread's own timeout timer: like the policy's, not a transition the checker waits for. */
  static final String SCHED_TIMEOUT = "idle_timeout";

  private static final TaskState[] STATES = TaskState.values();

  private SnapshotDump() {}

  static Snapshot of(DeviceRuntime rt) {
    Snapshot.Builder b = Snapshot.builder();
    TaskTable t = rt.tasks;
    List<Scope> scopes = rt.orchestrator.scopes();
    BitSet named = new BitSet(scopes.size());
    for (Scope open : rt.orchestrator.openScopes()) {
      named.set(open.id);
    }
    b.edgesKnown().pendingKnown();
    Orchestrator o = rt.orchestrator;
    boolean poolWait = o.blocked() && o.blockedOn() == StallResource.DEP_POOL;
    boolean faninWait = o.blocked() && o.blockedOn() == StallResource.FANIN_POOL;
    for (Ring ring : rt.rings) {
      RingRecord record =
          new RingRecord(ring.id, ring.window, TaskIds.of(ring.id, ring.lastAlive), TaskIds.of(ring.id, ring.current));
      if (poolWait && ring.id == o.blockedRing()) {
        // The pool returns entries only at a reclaim, once last_alive is an interval past the last one.
        long reclaimAt = TaskIds.of(ring.id, ring.depLastReclaimed + DepPoolAccounting.CLEANUP_INTERVAL);
        record = record.withDepPool(new DepPoolRecord(ring.depUsed(), ring.depPool, reclaimAt));
      }
      if (faninWait && ring.id == o.blockedRing()) {
        // A task's spill entries come back once last_alive passes it; the blocked submit's own cannot.
        record = record.withFaninPool(new FaninPoolRecord(ring.faninUsed(), ring.depPool, o.faninHeld()));
      }
      b.addRing(record);
      OptionalInt ringToken = OptionalInt.of(ring.id);
      for (int local = ring.lastAlive; local < ring.current; local++) {
        int g = ring.taskAt(local);
        named.set(t.scope[g]);
        boolean unwired = unwiredTask(t, g);
        // An unwired task waits only for its publish: every fanin release but the barrier's is shown.
        // A task waiting in ensure_space has claimed its producers but not been wired: its completed
        // producers are shown released, as its wiring will count them.
        int faninDone = unwired ? t.faninTotal[g] - 1
            : g == rt.orchestrator.awaitingPool() ? completedProducers(t, g) : t.faninDone[g];
        b.addTask(new TaskRecord(t.id(g), STATES[t.state[g]], Count.unchecked(faninDone, t.faninTotal[g]),
            Count.unchecked(t.fanoutDone[g], t.fanoutTotal[g]), t.mask[g], Count.unchecked(t.done[g], t.blockNum[g]),
            t.blockNum[g], t.nextBlock[g], ringToken, OptionalLong.of(t.scope[g]), t.hidden[g]));
        if (unwired) {
          continue;
        }
        for (int e = t.producers.first(g); e != LinkedIntLists.END; e = t.producers.next(e)) {
          int p = t.producers.value(e);
          if (isLive(rt, p)) {
            b.addEdge(t.id(p), t.id(g));
          }
        }
      }
    }
    for (int id = named.nextSetBit(0); id >= 0; id = named.nextSetBit(id + 1)) {
      Scope scope = scopes.get(id);
      b.addScope(new ScopeRecord(scope.id, ScopeMode.valueOf(scope.mode.name()), scope.open(),
          OptionalInt.of(scope.ring), OptionalInt.of(scope.depth)));
    }
    b.orchestrator(orchestratorState(rt.orchestrator));
    pending(rt, b);
    readyEvidence(rt, b);
    return b.build();
  }

  /**
   * One {@code ready(local): task=N shape=S fanin=a/b} evidence record per task sitting in a ready
   * queue (each thread's local buffers, then the shared queues; by shape, in queue order), as the
   * device log shows for every task it enqueued. A task whose blocks are partly dispatched and
   * re-queued (RUNNING, next_block > 0) was traced when it was made ready, not when re-queued, so
   * it gets none. In a correct run every such task is READY; a task enqueued without the
   * PENDING -> READY transition, or a hidden task published into a queue, is named by the checker.
   */
  private static void readyEvidence(DeviceRuntime rt, Snapshot.Builder b) {
    for (SchedulerThread thread : rt.threads) {
      for (int shape = 0; shape < Shapes.COUNT; shape++) {
        readyEvidence(rt, thread.localQueue(shape), shape, b);
      }
    }
    for (int shape = 0; shape < Shapes.COUNT; shape++) {
      readyEvidence(rt, rt.ready.queue(shape), shape, b);
    }
  }

  private static void readyEvidence(DeviceRuntime rt, IntQueue queue, int shape, Snapshot.Builder b) {
    TaskTable t = rt.tasks;
    for (int i = 0; i < queue.size(); i++) {
      int g = queue.get(i);
      if (t.nextBlock[g] == 0) {
        b.addEvidence(TraceEvidence.readyLocal(t.id(g), shape, Count.unchecked(t.faninDone[g], t.faninTotal[g])));
      }
    }
  }

  /**
   * A deferred MANUAL task before its scope_end whose producers are recorded but not wired (the
   * draft under main): no producer holds a fanout reference for it (the runtime lets a producer
   * outside the scope retire meanwhile) and only the blocked orchestrator's scope_end can wire and
   * publish it. The snapshot shows exactly that: no edges into it, producers' fanout as the runtime
   * counts it, and its fanin waiting for the publish barrier alone. A task whose producers already
   * hold references for it (pr482's submit-time wiring, main's claim before ensure_space) shows its
   * edges.
   */
  private static boolean unwiredTask(TaskTable t, int task) {
    return !t.published[task] && !t.hidden[task] && !t.wired[task];
  }

  private static int completedProducers(TaskTable t, int task) {
    int n = 0;
    for (int e = t.producers.first(task); e != LinkedIntLists.END; e = t.producers.next(e)) {
      if (t.state[t.producers.value(e)] >= TaskTable.COMPLETED) {
        n++;
      }
    }
    return n;
  }

  private static boolean isLive(DeviceRuntime rt, int task) {
    return rt.tasks.local[task] >= rt.rings[rt.tasks.ring[task]].lastAlive;
  }

  private static OrchestratorState orchestratorState(Orchestrator o) {
    if (o.refusedScope() >= 0) {
      // #277's pre-check stopped the submit before the allocator: it needs a slot of the scope's ring,
      // and the orchestrator ends that scope only after it.
      Scope scope = o.scopes().get(o.refusedScope());
      return new OrchestratorState.Blocked(WaitResource.TASK_RING, scope.ring, 0, OptionalLong.of(scope.id));
    }
    if (o.blocked()) {
      return switch (o.blockedOn()) {
        case HEAP -> new OrchestratorState.Blocked(WaitResource.HEAP, o.blockedRing());
        case DEP_POOL -> new OrchestratorState.Blocked(WaitResource.DEP_POOL, o.blockedRing(), o.blockedRequest());
        case FANIN_POOL -> new OrchestratorState.Blocked(WaitResource.FANIN_POOL, o.blockedRing(), o.blockedRequest());
        default -> new OrchestratorState.Blocked(WaitResource.TASK_RING, o.blockedRing());
      };
    }
    return o.finished() ? new OrchestratorState.Finished() : new OrchestratorState.Running();
  }

  private static void pending(DeviceRuntime rt, Snapshot.Builder b) {
    TaskTable t = rt.tasks;
    ImmutableList<io.ptosim.des.kernel.PendingEvent> events = rt.kernel.pendingList();
    for (io.ptosim.des.kernel.PendingEvent e : events) {
      String kind = e.label().kind();
      long at = e.atNs();
      if (kind.equals(POLICY_TIMER) || kind.equals(SCHED_TIMEOUT)) {
        continue;
      }
      if (kind.startsWith(SCHED_PREFIX)) {
        SchedulerThread thread = rt.threads[Integer.parseInt(kind.substring(SCHED_PREFIX.length()))];
        boolean any = false;
        IntList awaiting = thread.awaitingCompletion();
        for (int i = 0; i < awaiting.size(); i++) {
          // a finished deferred-completion task: the iteration's poll of the async wait list completes it
          b.addPending(PendingEvent.of(at, "complete", t.id(awaiting.get(i))));
          any = true;
        }
        IntQueue noticed = thread.noticedBlocks();
        for (int i = 0; i < noticed.size(); i++) {
          int unit = noticed.get(i);
          int task = rt.cores.taskOfUnit(unit);
          boolean last = t.done[task] + 1 >= t.blockNum[task];
          if (last && Shapes.of(t.mask[task]) == Shapes.MIX) {
            // a MIX core's notice completes the task only as its block's last core: every core still
            // holding the block is noticed, and no later notice in this iteration is of the same block
            int block = rt.cores.blockOf(unit);
            int noticedOfBlock = 0;
            boolean later = false;
            for (int j = 0; j < noticed.size(); j++) {
              int u = noticed.get(j);
              if (rt.cores.taskOfUnit(u) == task && rt.cores.blockOf(u) == block) {
                noticedOfBlock++;
                later |= j > i;
              }
            }
            last = !later && noticedOfBlock == rt.cores.clusterHolders(unit, task, block);
          }
          b.addPending(PendingEvent.of(at, last ? "complete" : BLOCK_DONE, t.id(task)));
          any = true;
        }
        IntList deferred = thread.deferredReleases();
        for (int i = 0; i < deferred.size(); i++) {
          b.addPending(PendingEvent.of(at, "release", t.id(deferred.get(i))));
          any = true;
        }
        if (!any) {
          b.addPending(PendingEvent.of(at, "dispatch"));
        }
        continue;
      }
      b.addPending(e.label().hasTask() ? PendingEvent.of(at, kind, e.label().task()) : PendingEvent.of(at, kind));
    }
  }
}
