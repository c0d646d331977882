package io.ptosim.analysis.device;

import com.google.common.collect.ImmutableList;
import io.ptosim.analysis.graph.WaitVertex;
import io.ptosim.analysis.snapshot.Count;
import io.ptosim.analysis.snapshot.TaskIds;
import io.ptosim.analysis.snapshot.TaskState;
import io.ptosim.analysis.snapshot.WaitResource;
import io.ptosim.analysis.verdict.Assumption;
import io.ptosim.analysis.verdict.AssumptionKind;
import io.ptosim.analysis.verdict.LostWakeup;
import io.ptosim.analysis.verdict.NoStall;
import io.ptosim.analysis.verdict.RealDeadlock;
import io.ptosim.analysis.verdict.UnretiredProgress;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.WitnessStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides from the part of the state a device log prints. The first deadlock block is what
 * aborted the run; its numbers, not the runtime's wording, carry the verdict: a head pinned by an
 * open scope, a scope that fills the window, or a request larger than the whole resource is a
 * certain REAL_DEADLOCK; a completed head whose consumers still have to run while tasks are in
 * flight is UNRETIRED_PROGRESS, assumed; the scheduler's dump of a READY task with full fanin on
 * an all-idle device is a LOST_WAKEUP. A log without a stall is NO_STALL.
 */
public final class DeviceDecision {
  private static final WaitVertex ORCHESTRATOR = new WaitVertex.Orchestrator();

  private final DeviceLog log;

  private DeviceDecision(DeviceLog log) {
    this.log = log;
  }

  /** The verdict on {@code log}. */
  public static Verdict decide(DeviceLog log) throws DeviceLogException {
    return new DeviceDecision(log).decide();
  }

  private Verdict decide() throws DeviceLogException {
    if (!log.blocks().isEmpty()) {
      StallBlock first = log.blocks().get(0);
      return first.header().orElse(null) instanceof DeviceRecord.ScopeHeader
          || (first.header().isEmpty() && first.field(DeviceRecord.ScopeCount.class).isPresent())
          ? new ScopeRule(first).verdict() : allocatorOrPool(first);
    }
    Optional<Verdict> dump = stallDump();
    if (dump.isPresent()) {
      return dump.get();
    }
    Optional<Verdict> coded = stallCodeOnly();
    if (coded.isPresent()) {
      return coded.get();
    }
    return noStall();
  }

  // ---- allocator and pool blocks ------------------------------------------------------------

  private Verdict allocatorOrPool(StallBlock block) throws DeviceLogException {
    Optional<DeviceRecord> header = block.header();
    Optional<DeviceRecord.PoolHeader> pool = header.filter(DeviceRecord.PoolHeader.class::isInstance)
        .map(DeviceRecord.PoolHeader.class::cast);
    WaitResource resource = header.filter(DeviceRecord.AllocatorHeader.class::isInstance)
        .map(h -> ((DeviceRecord.AllocatorHeader) h).resource()).orElse(WaitResource.TASK_RING);
    boolean ringKnown = ringKnown(block);
    int ring = ringOf(block);
    String what = pool.map(p -> "the " + p.pool().text() + (ringKnown ? " of ring " + ring : ""))
        .orElse(resource == WaitResource.HEAP ? "the heap of ring " + ring : "the task ring " + ring);
    String at = " (line " + block.line() + ")";

    // Capacity: a request no reclaim can ever satisfy.
    Optional<DeviceRecord.Requested> requested = block.field(DeviceRecord.Requested.class);
    Optional<DeviceRecord.HeapRing> heap = block.field(DeviceRecord.HeapRing.class);
    if (requested.isPresent() && heap.isPresent() && requested.get().bytes() > heap.get().size()) {
      long bytes = requested.get().bytes();
      long size = heap.get().size();
      return new RealDeadlock(
          "The request can never fit: the orchestrator asks ring " + ring + " for " + bytes
              + " bytes and its whole heap is " + size + " bytes, so no reclaim can satisfy it; raise"
              + " PTO2_RING_HEAP above " + size + " (to at least " + bytes + ").",
          ImmutableList.of(
              new WitnessStep(ORCHESTRATOR, "the orchestrator waits for " + bytes + " bytes of ring " + ring
                  + "'s heap (line " + requested.get().line() + ")"),
              new WitnessStep(new WaitVertex.RingHead(ring, WaitResource.HEAP, 0), "ring " + ring + "'s heap holds "
                  + size + " bytes in all (line " + heap.get().line() + "): even empty it cannot hold the request")),
          ImmutableList.of());
    }
    Optional<DeviceRecord.PoolUsed> used = block.field(DeviceRecord.PoolUsed.class);
    Optional<DeviceRecord.Needed> needed = block.field(DeviceRecord.Needed.class);
    if (pool.isPresent() && used.isPresent()) {
      long capacity = used.get().used().total();
      String knob = pool.get().pool().knob();
      if (needed.isPresent() && needed.get().entries() > capacity) {
        return capacityDeadlock(what, needed.get().entries() + " entries", capacity, knob, needed.get().line(),
            ring, needed.get().entries());
      }
      if (pool.get().overflow()) {
        long alive = used.get().used().done();
        return capacityDeadlock(what, "one more entry with " + alive + " alive", capacity, knob, used.get().line(),
            ring, Math.max(alive, capacity) + 1);
      }
    }

    Optional<DeviceRecord.Head> headLine = block.field(DeviceRecord.Head.class);
    Optional<DeviceRecord.ScopeGated> gated = block.field(DeviceRecord.ScopeGated.class);
    long inFlight = inFlight(block);
    if (headLine.isPresent()) {
      DeviceRecord.Head head = headLine.get();
      TaskState state = HeadState.of(head, log.dialect());
      long raw = TaskIds.raw(ring, head.task());
      String headText = "head task " + task(ringKnown, raw);
      WaitVertex headVertex = new WaitVertex.RingHead(ring, resource, head.task());
      Optional<Boolean> released = head.scopeReleased();
      if (inFlight > 0 && released.isPresent() && !released.get()) {
        // Re-derived: only scope_end releases the scope reference, and only the orchestrator,
        // blocked on this very allocation, ends scopes.
        return new RealDeadlock(
            "The blocked orchestrator waits for " + what + ", whose " + headText + " (" + state
                + ", consumers " + head.consumers().map(Count::toString).orElse("?")
                + ") still holds its scope reference (scope_released=0); only scope_end releases it, and only"
                + " the orchestrator, blocked here, ends scopes: a cycle of waits that no event can break."
                + " Split the scope or size ring " + ring + " for the live set retained behind its oldest"
                + " open-scope task" + knobAdvice(pool, resource) + ".",
            ImmutableList.of(
                new WitnessStep(ORCHESTRATOR, "the orchestrator waits for " + what + " to reclaim past "
                    + headText + at),
                new WitnessStep(headVertex, headText + " waits for its scope's end (scope_released=0, line "
                    + head.line() + ")"),
                new WitnessStep(ORCHESTRATOR, "the scope ends only when the orchestrator runs scope_end, which"
                    + " it cannot while blocked: the cycle closes")),
            ImmutableList.of());
      }
      if (inFlight > 0 && released.isEmpty() && gated.isPresent()) {
        return gatedOnly(gated.get(), what, ring, ringKnown, resource, pool);
      }
      List<Assumption> assumed = new ArrayList<>();
      if (released.isEmpty()) {
        assumed.add(new Assumption(AssumptionKind.SCOPE_RELEASED, raw,
            head.fanout().orElse(Count.of(0, 0)), ImmutableList.of(), 0));
      }
      Count consumers = head.consumers().orElseGet(() -> head.fanout()
          .map(f -> Count.of(f.done(), f.total())).orElse(Count.of(0, 0)));
      if (inFlight > 0 && state.isCompleted()) {
        if (consumers.missing() > 0) {
          assumed.add(new Assumption(AssumptionKind.CONSUMERS_RUN, raw, consumers, ImmutableList.of(), inFlight));
        }
        return unretired(block, what, headText, headVertex, state, consumers, inFlight, pool, resource, assumed);
      }
      if (inFlight > 0) {
        assumed.add(new Assumption(AssumptionKind.HEAD_RETIRES, raw, consumers, ImmutableList.of(), inFlight));
        return unretired(block, what, headText, headVertex, state, consumers, inFlight, pool, resource, assumed);
      }
    } else if (gated.isPresent()) {
      return gatedOnly(gated.get(), what, ring, ringKnown, resource, pool);
    }
    // No head printed (fanin spill, TensorMap pools) or an empty ring.
    long head = block.field(DeviceRecord.LastAlive.class).map(DeviceRecord.LastAlive::task)
        .or(() -> block.field(DeviceRecord.TaskRing.class).map(DeviceRecord.TaskRing::lastAlive)).orElse(0L);
    long raw = TaskIds.raw(ring, head);
    String flight = inFlight < 0 ? "an unprinted number of tasks" : inFlight + " task" + (inFlight == 1 ? "" : "s");
    return new UnretiredProgress(
        "Nothing printed shows a cycle: " + what + " is blocked with " + flight
            + " in flight behind head task " + task(ringKnown, raw)
            + ", whose state the log does not print; progress was assumed still possible, so the ~500 ms"
            + " backstop most likely fired on a slow host. Check the TaskRing diagnostics for the stalled"
            + " head, or raise " + pool.map(p -> p.pool().knob()).orElse(knob(resource)) + " and rerun.",
        ImmutableList.of(
            new WitnessStep(ORCHESTRATOR, "the orchestrator waits for " + what + at),
            new WitnessStep(new WaitVertex.RingHead(ring, resource, head), "head task " + task(ringKnown, raw)
                + " is assumed to retire, with " + flight + " in flight")),
        ImmutableList.of(new Assumption(AssumptionKind.HEAD_RETIRES, raw, Count.of(0, 0), ImmutableList.of(),
            Math.max(0, inFlight))));
  }

  private Verdict gatedOnly(DeviceRecord.ScopeGated gated, String what, int ring, boolean ringKnown,
      WaitResource resource, Optional<DeviceRecord.PoolHeader> pool) {
    long raw = TaskIds.raw(ring, gated.head());
    String head = task(ringKnown, raw);
    return new RealDeadlock(
        "The blocked orchestrator waits for " + what + ", whose head task " + head
            + " is owned by an open scope; only the orchestrator's scope_end releases it, and the orchestrator"
            + " is blocked here: a cycle of waits that no event can break. Split the scope or size ring "
            + ring + " for the live set retained behind its oldest open-scope task" + knobAdvice(pool, resource) + ".",
        ImmutableList.of(
            new WitnessStep(ORCHESTRATOR, "the orchestrator waits for " + what + " to reclaim past head task "
                + head),
            new WitnessStep(new WaitVertex.RingHead(ring, resource, gated.head()), "head task " + head
                + " waits for its open scope's end (line " + gated.line() + ")"),
            new WitnessStep(ORCHESTRATOR, "the scope ends only when the orchestrator runs scope_end, which it"
                + " cannot while blocked: the cycle closes")),
        ImmutableList.of());
  }

  private Verdict unretired(StallBlock block, String what, String headText, WaitVertex headVertex, TaskState state,
      Count consumers, long inFlight, Optional<DeviceRecord.PoolHeader> pool, WaitResource resource,
      List<Assumption> assumed) {
    boolean backstop = block.field(DeviceRecord.Backstop.class).isPresent();
    String knob = pool.map(p -> p.pool().knob()).orElse(knob(resource));
    return new UnretiredProgress(
        "Progress was still possible: " + headText + " is " + state + " with its scope reference released and "
            + consumers.missing() + " of " + consumers.total() + " consumers still to finish, while " + inFlight
            + " tasks are in flight; " + (backstop ? "the ~500 ms backstop fired on a slow host, not a cycle." :
            "nothing printed shows a cycle.") + " Rerun on a less loaded host, or raise " + knob
            + " so the orchestrator waits less often.",
        ImmutableList.of(
            new WitnessStep(ORCHESTRATOR, "the orchestrator waits for " + what + " to reclaim past " + headText
                + " (line " + block.line() + ")"),
            new WitnessStep(headVertex, headText + " (" + state + ", consumers " + consumers
                + ") retires once its consumers finish"),
            new WitnessStep(headVertex, inFlight + " tasks are in flight, so the consumers can still run")),
        ImmutableList.copyOf(assumed));
  }

  private Verdict capacityDeadlock(String what, String need, long capacity, String knob, int line, int ring,
      long atLeast) {
    return new RealDeadlock(
        "The request can never fit: the orchestrator needs " + need + " of " + what + ", which holds "
            + capacity + " in all, so no reclaim can satisfy it; raise " + knob + " above " + capacity
            + " (to at least " + atLeast + ").",
        ImmutableList.of(
            new WitnessStep(ORCHESTRATOR, "the orchestrator needs " + need + " of " + what + " (line " + line + ")"),
            new WitnessStep(new WaitVertex.RingHead(ring, WaitResource.TASK_RING, 0), what + " holds " + capacity
                + " entries in all: even empty it cannot hold the request")),
        ImmutableList.of());
  }

  private static String knobAdvice(Optional<DeviceRecord.PoolHeader> pool, WaitResource resource) {
    return " (" + pool.map(p -> p.pool().knob()).orElse(knob(resource)) + ")";
  }

  private static String knob(WaitResource resource) {
    return resource == WaitResource.HEAP ? "PTO2_RING_HEAP" : "PTO2_RING_TASK_WINDOW";
  }

  /** A task of a block; pool blocks do not print their ring, so then only the local id is known. */
  private static String task(boolean ringKnown, long raw) {
    return ringKnown ? TaskIds.show(raw) : TaskIds.local(raw) + " (its ring is not printed)";
  }

  private static boolean ringKnown(StallBlock block) {
    if (block.header().orElse(null) instanceof DeviceRecord.AllocatorHeader a && a.ring().isPresent()) {
      return true;
    }
    return block.field(DeviceRecord.TaskRing.class).map(t -> t.ring().isPresent()).orElse(false)
        || block.field(DeviceRecord.HeapRing.class).map(h -> h.ring().isPresent()).orElse(false);
  }

  private static int ringOf(StallBlock block) {
    if (block.header().orElse(null) instanceof DeviceRecord.AllocatorHeader a && a.ring().isPresent()) {
      return a.ring().getAsInt();
    }
    Optional<DeviceRecord.TaskRing> tr = block.field(DeviceRecord.TaskRing.class);
    if (tr.isPresent() && tr.get().ring().isPresent()) {
      return tr.get().ring().getAsInt();
    }
    Optional<DeviceRecord.HeapRing> heap = block.field(DeviceRecord.HeapRing.class);
    return heap.isPresent() && heap.get().ring().isPresent() ? heap.get().ring().getAsInt() : 0;
  }

  private static long inFlight(StallBlock block) {
    Optional<DeviceRecord.InFlight> printed = block.field(DeviceRecord.InFlight.class);
    if (printed.isPresent()) {
      return printed.get().tasks();
    }
    Optional<DeviceRecord.TaskRing> ring = block.field(DeviceRecord.TaskRing.class);
    if (ring.isPresent()) {
      return ring.get().current() - ring.get().lastAlive();
    }
    Optional<DeviceRecord.CurrentTask> current = block.field(DeviceRecord.CurrentTask.class);
    Optional<DeviceRecord.LastAlive> alive = block.field(DeviceRecord.LastAlive.class);
    // -1: the block does not say.
    return current.isPresent() && alive.isPresent() ? Math.max(0, current.get().task() - alive.get().task()) : -1;
  }

  // ---- the scope block ----------------------------------------------------------------------

  /** A scope that owns as many tasks as its ring can hold live. */
  private final class ScopeRule {
    private final StallBlock block;

    ScopeRule(StallBlock block) {
      this.block = block;
    }

    Verdict verdict() {
      int ring = block.header().orElse(null) instanceof DeviceRecord.ScopeHeader h ? h.ring()
          : block.scopeField("ring_id").map(Long::intValue).orElse(0);
      Optional<DeviceRecord.ScopeCount> count = block.field(DeviceRecord.ScopeCount.class);
      long tasks = block.scopeField("scope_task_count").or(() -> count.map(DeviceRecord.ScopeCount::tasks)).orElse(0L);
      long window = count.map(DeviceRecord.ScopeCount::window)
          .or(() -> block.field(DeviceRecord.ActiveTasks.class).map(a -> a.active().total())).orElse(0L);
      long depth = block.scopeField("scope_depth").orElse((long) ring);
      long needWindow = Long.highestOneBit(Math.max(1, tasks + 1)) << 1;
      WaitVertex scopeEnd = new WaitVertex.ScopeEnd(depth);
      ImmutableList<WitnessStep> witness = ImmutableList.of(
          new WitnessStep(ORCHESTRATOR, "the orchestrator must allocate task " + (tasks + 1) + " of the scope at depth "
              + depth + " in ring " + ring + " before it can end that scope (line " + block.line() + ")"),
          new WitnessStep(new WaitVertex.RingHead(ring, WaitResource.TASK_RING, 0), "ring " + ring + " holds at most "
              + (window - 1) + " live tasks of its " + window + " slots, and the scope's " + tasks
              + " tasks all keep their scope reference"),
          new WitnessStep(scopeEnd, "those references go only at scope_end, which waits for the orchestrator:"
              + " the cycle closes"));
      String reason = "The scope at depth " + depth + " owns " + tasks + " live tasks of ring " + ring
          + ", which holds at most " + (window - 1) + " (window " + window + "); none can retire before"
          + " scope_end, and the orchestrator must allocate one more in that scope first: a cycle of waits"
          + " that no event can break. Raise PTO2_RING_TASK_WINDOW above " + window + " (to at least "
          + needWindow + ") or split the scope.";
      if (window > 0 && tasks >= window - 1) {
        return new RealDeadlock(reason, witness, ImmutableList.of());
      }
      // The printed numbers do not show the window full; the verdict then rests on the runtime's check.
      return new RealDeadlock(reason + " (The printed counts do not show the window full; the verdict rests on"
          + " the runtime's own check.)", witness, ImmutableList.of(new Assumption(AssumptionKind.HEAD_RETIRES,
              TaskIds.raw(ring, 0), Count.unchecked(tasks, Math.max(window, 0)), ImmutableList.of(), tasks)));
    }
  }

  // ---- the scheduler's stall dump -----------------------------------------------------------

  private Optional<Verdict> stallDump() {
    List<DeviceRecord.StallTask> tasks = log.all(DeviceRecord.StallTask.class);
    List<DeviceRecord.StallCluster> clusters = log.all(DeviceRecord.StallCluster.class);
    List<DeviceRecord.TimeoutExit> exits = log.all(DeviceRecord.TimeoutExit.class);
    List<DeviceRecord.SchedulerTimeout> timeouts = log.all(DeviceRecord.SchedulerTimeout.class);
    if (tasks.isEmpty() && exits.isEmpty() && timeouts.isEmpty()) {
      return Optional.empty();
    }
    String subClass = !exits.isEmpty() ? exits.get(0).subClass()
        : !timeouts.isEmpty() ? timeouts.get(0).subClass() : "";
    boolean allIdle = !clusters.isEmpty() && clusters.stream().allMatch(DeviceRecord.StallCluster::allIdle);
    Optional<DeviceRecord.StallTask> running = tasks.stream().filter(t -> t.state().equals("RUNNING")).findFirst();
    Optional<DeviceRecord.StallTask> ready = tasks.stream()
        .filter(t -> t.state().equals("READY") && t.fanin().isComplete()).findFirst();
    Optional<DeviceRecord.StallTask> waiting = tasks.stream().filter(t -> t.state().equals("WAIT")).findFirst();
    WaitVertex scheduler = new WaitVertex.Scheduler();
    if (running.isPresent() || (tasks.isEmpty() && subClass.startsWith("S1"))) {
      long id = running.map(DeviceRecord.StallTask::taskId).orElse(0L);
      return Optional.of(new UnretiredProgress(
          "A kernel is still on a core: task " + TaskIds.show(id) + " is RUNNING, so the scheduler's idle"
              + " timeout saw no completion but progress remains possible if the kernel finishes; if it never"
              + " does, debug that kernel (an AICore hang), not the allocator.",
          ImmutableList.of(new WitnessStep(new WaitVertex.Task(id), "task " + TaskIds.show(id) + " is RUNNING"
              + running.map(t -> " (line " + t.line() + ")").orElse(" (sub_class " + subClass + ")"))),
          ImmutableList.of(new Assumption(AssumptionKind.KERNEL_COMPLETES, id, Count.of(0, 0), ImmutableList.of(), 0))));
    }
    if (ready.isPresent() || (tasks.isEmpty() && subClass.startsWith("S3"))) {
      long id = ready.map(DeviceRecord.StallTask::taskId).orElse(0L);
      String fanin = ready.map(t -> t.fanin().toString()).orElse("?");
      ImmutableList<Assumption> assumed = allIdle ? ImmutableList.of()
          : ImmutableList.of(new Assumption(AssumptionKind.DEVICE_IDLE, id, Count.of(0, 0), ImmutableList.of(), 0));
      return Optional.of(new LostWakeup(
          "Task " + TaskIds.show(id) + " is READY with its whole fanin (" + fanin + ") but every core is idle:"
              + " the rules allow progress, yet nothing running, runnable or pending will dispatch or complete it."
              + " The wake-up it waits for was lost: the ready-queue push for its shape, or, for a"
              + " deferred-completion task that already ran (#2260), the recording of its completion; a stall"
              + " dump prints both as READY.",
          ImmutableList.of(
              new WitnessStep(scheduler, allIdle ? "every core of every CLUSTER line is idle"
                  : "every core is idle, as sub_class " + subClass + " says"),
              new WitnessStep(new WaitVertex.Task(id), "task " + TaskIds.show(id) + " is READY, fanin " + fanin
                  + ready.map(t -> " (line " + t.line() + ")").orElse(""))),
          assumed));
    }
    if (waiting.isPresent() || subClass.startsWith("S4")) {
      long id = waiting.map(DeviceRecord.StallTask::taskId).orElse(0L);
      String fanin = waiting.map(t -> t.fanin().toString()).orElse("?");
      return Optional.of(new LostWakeup(
          "Only waiting tasks remain: task " + TaskIds.show(id) + " has fanin " + fanin + ", nothing runs and"
              + " nothing is ready, so the releases it misses will never be delivered (a lost release or a"
              + " dependency cycle). Check how this task's producers were wired.",
          ImmutableList.of(
              new WitnessStep(scheduler, "nothing is RUNNING or READY (sub_class " + subClass + ")"),
              new WitnessStep(new WaitVertex.Task(id), "task " + TaskIds.show(id) + " waits, fanin " + fanin
                  + waiting.map(t -> " (line " + t.line() + ")").orElse(""))),
          ImmutableList.of()));
    }
    return Optional.of(new UnretiredProgress(
        "The scheduler found nothing to do (sub_class " + (subClass.isEmpty() ? "none" : subClass)
            + "): every submitted task finished and the orchestrator had not; progress resumes when it submits"
            + " more. Look at what the orchestrator was waiting for.",
        ImmutableList.of(new WitnessStep(ORCHESTRATOR, "the orchestrator has not finished")),
        ImmutableList.of(new Assumption(AssumptionKind.ORCHESTRATOR_SUBMITS, 0, Count.of(0, 0), ImmutableList.of(), 0))));
  }

  // ---- a stall known only by its error code -------------------------------------------------

  /** PTO2 error codes that report an allocator, pool or scheduler stall. */
  private static boolean stallCode(int code) {
    return code == 1 || code == 2 || code == 3 || code == 4 || code == 10 || code == 11 || code == 100;
  }

  private Optional<Verdict> stallCodeOnly() {
    int code = 0;
    int line = 0;
    for (DeviceRecord.RuntimeFailed r : log.all(DeviceRecord.RuntimeFailed.class)) {
      int c = r.orchCode() != 0 ? r.orchCode() : r.schedCode();
      if (stallCode(c)) {
        code = c;
        line = r.line();
        break;
      }
    }
    if (code == 0) {
      for (DeviceRecord.ThreadFatal t : log.all(DeviceRecord.ThreadFatal.class)) {
        if (stallCode(t.code())) {
          code = t.code();
          line = t.line();
          break;
        }
      }
    }
    if (code == 0) {
      return Optional.empty();
    }
    Assumption check = new Assumption(AssumptionKind.RUNTIME_CHECK, 0, Count.of(0, 0), ImmutableList.of(), code);
    ImmutableList<WitnessStep> witness = ImmutableList.of(new WitnessStep(ORCHESTRATOR,
        "line " + line + " reports error code " + code + " but the log holds no diagnostic block for it"));
    if (code == 1) {
      // SCOPE_DEADLOCK is raised only when a scope owns as many tasks as its ring can hold.
      return Optional.of(new RealDeadlock("Error code 1 (SCOPE_DEADLOCK, line " + line + "): the runtime found a"
          + " scope owning as many tasks as its ring holds, which only scope_end could release; the log does not"
          + " print the numbers, so this rests on the runtime's check. Raise PTO2_RING_TASK_WINDOW or split the scope.",
          witness, ImmutableList.of(check)));
    }
    return Optional.of(new UnretiredProgress("Error code " + code + " (line " + line + ") reports a stall, but the"
        + " log holds neither its diagnostic block nor a stall dump; nothing printed shows a cycle, so progress is"
        + " assumed possible. Rerun with the device log at info level to see the block.",
        witness, ImmutableList.of(check)));
  }

  // ---- no stall -----------------------------------------------------------------------------

  private Verdict noStall() {
    List<WitnessStep> steps = new ArrayList<>();
    String shows;
    Optional<DeviceRecord.Fatal> fatal = log.all(DeviceRecord.Fatal.class).stream().findFirst();
    Optional<DeviceRecord.OtherFatal> other = log.all(DeviceRecord.OtherFatal.class).stream().findFirst();
    Optional<DeviceRecord.RuntimeFailed> failed = log.all(DeviceRecord.RuntimeFailed.class).stream().findFirst();
    Optional<DeviceRecord.ErrorDetail> detail = log.all(DeviceRecord.ErrorDetail.class).stream().findFirst();
    Optional<DeviceRecord.ThreadFatal> thread = log.all(DeviceRecord.ThreadFatal.class).stream().findFirst();
    Optional<DeviceRecord.Completion> done = log.all(DeviceRecord.Completion.class).stream().findFirst();
    if (fatal.isPresent() || other.isPresent() || failed.isPresent() || thread.isPresent()) {
      String name = detail.map(d -> d.text().split(" - ", 2)[0]).orElse("");
      if (fatal.isPresent()) {
        DeviceRecord.Fatal f = fatal.get();
        shows = "a fatal error that is not a stall: code " + f.code() + (name.isEmpty() ? "" : " (" + name + ")")
            + (f.text().isEmpty() ? "" : ", \"" + f.text() + "\"") + " (line " + f.line() + ")";
      } else if (other.isPresent()) {
        shows = "a fatal error that is not a stall: \"" + other.get().text() + "\"" + (name.isEmpty() ? "" : " (" + name + ")")
            + " (line " + other.get().line() + ")";
      } else if (failed.isPresent()) {
        DeviceRecord.RuntimeFailed r = failed.get();
        shows = "a failure that is not a stall: orch_error_code=" + r.orchCode() + " sched_error_code=" + r.schedCode()
            + (name.isEmpty() ? "" : " (" + name + ")") + " (line " + r.line() + ")";
      } else {
        shows = "a fatal error that is not a stall: code " + thread.get().code() + " (line " + thread.get().line() + ")";
      }
    } else if (done.isPresent()) {
      shows = "the run completed: \"" + done.get().text() + "\" (line " + done.get().line() + ")";
    } else {
      shows = "neither a stall, a fatal error nor a completion line (" + log.lines() + " lines, "
          + log.skippedLines() + " without a record)";
    }
    steps.add(new WitnessStep(ORCHESTRATOR, "the log shows " + shows));
    return new NoStall("No allocator or scheduler stall: the log shows " + shows + ".",
        ImmutableList.copyOf(steps), ImmutableList.of());
  }
}
