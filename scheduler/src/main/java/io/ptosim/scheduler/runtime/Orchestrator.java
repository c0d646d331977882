package io.ptosim.scheduler.runtime;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSetMultimap;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.des.event.TraceEvent;
import io.ptosim.des.kernel.EventHandle;
import io.ptosim.des.kernel.EventLabel;
import io.ptosim.des.platform.PlatformProfile;
import io.ptosim.scheduler.policy.ProgressProof;
import io.ptosim.scheduler.policy.StallContext;
import io.ptosim.scheduler.policy.StallDecision;
import io.ptosim.scheduler.policy.StallFinding;
import io.ptosim.scheduler.policy.StallPolicy;
import io.ptosim.scheduler.policy.StallRecord;
import io.ptosim.scheduler.policy.StallResource;
import io.ptosim.scheduler.program.ArgDirection;
import io.ptosim.scheduler.program.Op;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;
import io.ptosim.scheduler.version.OrchestratorRules;
import io.ptosim.scheduler.version.orch.DepPoolAccounting;
import io.ptosim.scheduler.version.orch.DeviceFailure;
import io.ptosim.scheduler.version.orch.FaninLimitRule;
import io.ptosim.scheduler.version.orch.HeapAllocator;
import io.ptosim.scheduler.version.orch.PublishRule;
import io.ptosim.scheduler.version.orch.ScopeRules;
import io.ptosim.scheduler.version.orch.SyncStartGuard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongPredicate;

/**
 * The orchestrator thread (AICPU thread {@code schedulerThreads}): executes the program's ops in
 * order inside the executor's implicit outer AUTO scope, one event per op. An op's effects happen at
 * the end of its cost ({@code submitNs} for submit and alloc_tensors, plus the platform's host share
 * per core computing at its start ({@link HostShare}), {@code scopeOpNs} for scope
 * ops and add_dependency, plus {@code pollNs} per task a deferred scope_end publishes).
 *
 * <p>A submit plans first (TensorMap lookups are pure), then checks the ring's slot, heap and
 * dependency pool, and commits only if all three fit; otherwise the orchestrator blocks on that
 * op and hands the stall to the {@link StallPolicy}. It retries one spin after each advance of the
 * ring's last_alive.
 */
final class Orchestrator {
  private static final EventLabel LABEL_OP = EventLabel.of(SnapshotDump.ORCHESTRATOR);
  private static final EventLabel LABEL_PUBLISH = EventLabel.of(SnapshotDump.PUBLISH);
  private static final EventLabel LABEL_TIMER = EventLabel.of(SnapshotDump.POLICY_TIMER);
  private static final String ALLOC_KERNEL = "alloc_tensors";

  private final DeviceRuntime rt;
  private final ImmutableList<Op> ops;
  private final PublishMode publishMode;
  private final StallPolicy policy;
  /**
   * Explicit edges by consumer, read at the consumer's submit: an AUTO-scope consumer's when the
   * version takes them ({@code ExplicitDepRules}), a MANUAL one's when manual tasks publish
   * incrementally (v0).
   */
  private final ImmutableSetMultimap<Long, Long> explicitDeps;
  private final Map<Long, Integer> taskOfProgramId = new HashMap<>();
  private final List<Scope> scopes = new ArrayList<>();
  private final List<Scope> stack = new ArrayList<>();
  private final LongPredicate live;
  private final StallView view = new StallView();
  private final OrchestratorRules rules;
  /** A task committed (slot, scope reference, TensorMap entries) whose wiring waits for the pool; -1 none. */
  private int unwired = -1;
  /** The entries {@link #unwired} asked ensure_space for. */
  private int unwiredReserve;
  /** The submit of {@link #unwired} while its TensorMap entries are not yet registered (after the spill); else null. */
  private Op.Submit unregistered;
  /** Fanin edges of {@link #unwired} past the inline cap that still need a spill-pool entry. */
  private int spillLeft;
  /** Spill-pool entries {@link #unwired} already holds. */
  private int spillHeld;
  private final FaninBuilder fanin;
  private int pc;
  private boolean finished;

  private boolean blocked;
  /** What the blocked op asked for: heap bytes, or dependency entries. */
  private long blockedRequest;
  private StallResource blockedOn;
  private int blockedRing;
  private long stallStart;
  private long lastProgressNs;
  private int lastSeenAlive;
  private EventHandle retry;
  private EventHandle timer;
  /** Created at the first stall that asks for it. */
  private ProgressCertificate certificate;
  private final List<MutableStall> stalls = new ArrayList<>();
  private Optional<StallFinding> finding = Optional.empty();
  /** The scope whose next submit #277's pre-check refused (the run then aborts); -1 none. */
  private int refusedScope = -1;

  Orchestrator(DeviceRuntime rt, Program program, PublishMode publishMode, StallPolicy policy) {
    this.rt = rt;
    this.ops = program.ops();
    this.publishMode = publishMode;
    this.policy = policy;
    this.rules = rt.version.orchestrator();
    this.explicitDeps = program.explicitDependencies();
    TaskTable t = rt.tasks;
    this.live = task -> t.state[(int) task] != TaskTable.CONSUMED;
    this.fanin = new FaninBuilder(rt, live, explicitDeps, publishMode == PublishMode.INCREMENTAL,
        rules.explicitDeps().refuseIntoAuto().isEmpty(), this::taskOf);
  }

  void start() {
    openScope(ScopeMode.AUTO);
    scheduleNext();
  }

  boolean finished() {
    return finished;
  }

  /** The committed task whose wiring waits for the fanin spill pool or the dependency pool, or -1. */
  int awaitingPool() {
    return unwired;
  }

  /** Fanin spill-pool entries the committed task {@link #awaitingPool()} already holds. */
  int faninHeld() {
    return unwired < 0 ? 0 : spillHeld;
  }

  boolean blocked() {
    return blocked;
  }

  StallResource blockedOn() {
    return blockedOn;
  }


  /** What the blocked op asked for: dependency entries or heap bytes (0 for a slot). */
  long blockedRequest() {
    return blockedRequest;
  }

  int blockedRing() {
    return blockedRing;
  }

  /**
   * The scope whose next submit #277's pre-check refused, or -1: the orchestrator stopped at that
   * submit, which needs a slot of the scope's ring, and ends the scope only after it.
   */
  int refusedScope() {
    return refusedScope;
  }

  /** The open scopes, outermost first. */
  List<Scope> openScopes() {
    return stack;
  }

  /** Every scope opened so far, by id. */
  List<Scope> scopes() {
    return scopes;
  }

  Optional<StallFinding> finding() {
    return finding;
  }

  ImmutableList<StallRecord> stallRecords() {
    ImmutableList.Builder<StallRecord> out = ImmutableList.builderWithExpectedSize(stalls.size());
    for (MutableStall s : stalls) {
      out.add(s.toRecord());
    }
    return out.build();
  }

  // ---------------------------------------------------------------- the op loop

  private void scheduleNext() {
    Op op = pc < ops.size() ? ops.get(pc) : null;
    Scope top = stack.get(stack.size() - 1);
    boolean deferredPublish = (op == null || op instanceof Op.ScopeEnd) && top.mode == ScopeMode.MANUAL
        && publishMode == PublishMode.DEFERRED;
    PlatformProfile p = rt.platform;
    long cost = op instanceof Op.Submit || op instanceof Op.AllocTensors
        ? HostShare.submitCostNs(p, p.hostShareNs() == 0 ? 0 : rt.cores.computingAt(rt.now()))
        : p.scopeOpNs() + (deferredPublish ? p.pollNs() * top.tasks().size() : 0);
    rt.kernel.scheduleAt(rt.now() + rt.actionCostNs + cost, Ranks.ORCHESTRATOR, deferredPublish ? LABEL_PUBLISH : LABEL_OP,
        this::step);
  }

  private void step() {
    rt.actionCostNs = 0;
    if (pc == ops.size()) {
      // The program returned: the executor closes its outer scope (and any the program left open).
      endScope();
      if (stack.isEmpty()) {
        finished = true;
        rt.onOrchestratorDone();
      } else {
        scheduleNext();
      }
      return;
    }
    if (execute(ops.get(pc))) {
      proceed();
    } else {
      enterStall();
    }
  }

  private void proceed() {
    pc++;
    if (!rt.aborted()) {
      scheduleNext();
    }
  }

  /** Executes one op; false when its allocation does not fit (nothing changed), true otherwise. */
  private boolean execute(Op op) {
    if (op instanceof Op.Submit s) {
      return submit(s);
    }
    if (op instanceof Op.AllocTensors a) {
      return allocTensors(a);
    }
    if (op instanceof Op.AddDependency d) {
      return addDependency(d);
    }
    if (op instanceof Op.ReportFatal f) {
      // rt_report_fatal: the code is latched and every later orchestration call is a no-op, so the run ends here.
      rt.abort(f.code(), f.message().isEmpty() ? "FATAL(code=" + f.code() + ")" : f.message(),
          new DeviceFailure.OrchestratorFatal(DeviceFailure.Call.REPORT_FATAL, f.code(), f.message()));
      return true;
    }
    if (op instanceof Op.ScopeBegin b) {
      Optional<String> refused = rules.scopes().refuseBegin(b.mode(), stack.get(stack.size() - 1).manual());
      if (refused.isPresent()) {
        rt.abort(ScopeRules.INVALID_ARGS, refused.get(), new DeviceFailure.InvalidArgs(DeviceFailure.Call.SCOPE_BEGIN, refused.get()));
        return true;
      }
      openScope(b.mode());
      return true;
    }
    if (op instanceof Op.ScopeEnd) {
      Preconditions.checkState(stack.size() > 1, "op %s: scope_end without an open program scope", pc);
      endScope();
      return true;
    }
    throw new AssertionError("unknown op " + op);
  }

  // ---------------------------------------------------------------- submit, alloc_tensors, add_dependency

  /**
   * submit_task: the #277 pre-check, then slot and heap (nothing committed if either is short), then
   * the commit (slot, scope reference), the fanin spill pool for edges past the inline cap, the
   * TensorMap entries, and only then the dependency pool: a task blocked on either pool's
   * {@code ensure_space} already holds what came before it, as upstream's does.
   */
  private boolean submit(Op.Submit s) {
    if (unwired >= 0) {
      return finishWiring();
    }
    if (syncStartRefused(s)) {
      return true;
    }
    Scope scope = stack.get(stack.size() - 1);
    if (scopeFull(scope)) {
      return true;
    }
    Ring ring = rt.rings[scope.ring];
    long size = Ring.aligned(packedOutputBytes(s.args(), true));
    long start = fit(ring, size);
    if (start < 0) {
      return false;
    }
    resumeIfBlocked();
    boolean manual = scope.manual();
    DepPoolAccounting pool = rules.depPool();
    if (!manual && pool.reclaimsAtSubmit()) {
      ring.reclaimDeps(rt.tasks);
    }
    long[] producers = fanin.gather(s, scope);
    int n = fanin.count();
    TaskTable t = rt.tasks;
    int pending = 0;
    for (int i = 0; i < n; i++) {
      if (t.state[(int) producers[i]] < TaskTable.COMPLETED) {
        pending++;
      }
    }
    int g = newTask(s.task(), scope, ring, start, size);
    t.kernel[g] = s.kernel();
    for (int slot = 0; slot < 3; slot++) {
      t.conditions[3 * g + slot] = DeferredCompletion.conditionsPerSubtask(s, slot);
      t.slotDurationNs[3 * g + slot] = (s.activeMask() & (1 << slot)) != 0 ? rt.platform.kernelDurationNs(s.kernelOf(slot)) : 0;
      t.slotKernel[3 * g + slot] = s.coreKernels().isEmpty() ? null : s.kernelOf(slot);
    }
    // a single-core task runs its (lowest) active slot's kernel wherever it is placed
    t.durationNs[g] = rt.platform.kernelDurationNs(s.kernelOf(Integer.numberOfTrailingZeros(s.activeMask() & 7)));
    t.mask[g] = (byte) s.activeMask();
    t.blockNum[g] = s.blockNum();
    for (int i = 0; i < n; i++) {
      t.producers.append(g, (int) producers[i]);
    }
    t.faninTotal[g] = n + 1;
    rt.record(new TraceEvent.Submit(rt.now(), t.id(g), ring.id, scope.id, s.kernel(), Shapes.trace(Shapes.of(s.activeMask())),
        s.activeMask(), s.blockNum(), t.faninTotal[g], false));
    if (rt.monitor != null && manual) {
      fanin.noteDataFlowProducers(g, s, scope);
    }
    if (pool.pinsProducersBeforeReserve()) {
      // append_fanin_or_fail claims each producer's fanout reference before the pools are asked.
      for (int i = 0; i < n; i++) {
        t.fanoutTotal[(int) producers[i]]++;
      }
      t.wired[g] = true;
    }
    unwired = g;
    unregistered = s;
    spillLeft = Math.max(0, n - rules.faninSpill().inlineCap());
    spillHeld = 0;
    unwiredReserve = pool.reserve(manual, n, pending);
    return finishWiring();
  }

  /**
   * The fanin past the inline cap of the committed task {@link #unwired}, one spill-pool entry of
   * its ring per edge, each with its own {@code ensure_space(1)}; then its TensorMap entries (upstream
   * registers outputs after the fanin is built). False while the pool has no free entry.
   */
  private boolean spillAndRegister() {
    int g = unwired;
    TaskTable t = rt.tasks;
    Ring ring = rt.rings[t.ring[g]];
    while (spillLeft > 0) {
      if (!ring.ensureFanin(t)) {
        blockedRequest = 1;
        return blockOn(StallResource.FANIN_POOL, ring.id);
      }
      // Each ensure_space(1) is its own wait: one that succeeds ends the stall.
      resumeIfBlocked();
      t.spillEnd[g] = ring.takeFanin() + 1;
      spillHeld++;
      spillLeft--;
    }
    if (unregistered != null) {
      Scope scope = scopes.get(t.scope[g]);
      for (TensorArg arg : unregistered.args()) {
        if (arg.direction() == ArgDirection.OUTPUT || (arg.direction().inserts() && !fanin.scopeLocal(arg, scope))) {
          rt.tensorMap.insert(g, arg);
        }
      }
      unregistered = null;
    }
    return true;
  }

  /**
   * ensure_space for the committed task {@link #unwired}, then its wiring: one entry of its ring
   * per producer not yet COMPLETED. A deferred MANUAL task is wired now or at scope_end as the
   * version's {@link PublishRule} says, and published at scope_end.
   */
  private boolean finishWiring() {
    if (!spillAndRegister()) {
      return false;
    }
    int g = unwired;
    TaskTable t = rt.tasks;
    Ring ring = rt.rings[t.ring[g]];
    if (unwiredReserve != DepPoolAccounting.NO_RESERVE && !ring.ensureDeps(unwiredReserve, t)) {
      blockedRequest = unwiredReserve;
      return blockOn(StallResource.DEP_POOL, ring.id);
    }
    resumeIfBlocked();
    unwired = -1;
    if (rules.depPool().pinsProducersBeforeReserve()) {
      // The submit's claims become the wiring's fanout references (wire takes them again).
      for (int e = t.producers.first(g); e != LinkedIntLists.END; e = t.producers.next(e)) {
        t.fanoutTotal[t.producers.value(e)]--;
      }
    }
    Scope scope = scopes.get(t.scope[g]);
    boolean deferred = scope.manual() && publishMode == PublishMode.DEFERRED;
    for (int e = t.producers.first(g); e != LinkedIntLists.END; e = t.producers.next(e)) {
      if (t.state[t.producers.value(e)] < TaskTable.COMPLETED) {
        ring.takeDep();
      }
    }
    t.depMark[g] = ring.depTop;
    if (!deferred) {
      rt.wire(g);
      t.wired[g] = true;
      rt.publish(g);
    } else if (rules.publish().wiresExternalProducersAtSubmit()) {
      rt.wire(g);
      t.wired[g] = true;
    } else {
      t.wired[g] = false;
    }
    return true;
  }

  private boolean allocTensors(Op.AllocTensors a) {
    Scope scope = stack.get(stack.size() - 1);
    if (scopeFull(scope)) {
      return true;
    }
    Ring ring = rt.rings[scope.ring];
    long size = Ring.aligned(packedOutputBytes(a.outputs(), false));
    long start = fit(ring, size);
    if (start < 0) {
      return false;
    }
    resumeIfBlocked();
    if (rules.depPool().reclaimsAtSubmit()) {
      ring.reclaimDeps(rt.tasks);
    }
    TaskTable t = rt.tasks;
    int g = newTask(a.task(), scope, ring, start, size);
    t.hidden[g] = true;
    t.kernel[g] = ALLOC_KERNEL;
    t.durationNs[g] = rt.platform.kernelDurationNs(ALLOC_KERNEL);
    t.blockNum[g] = 1;
    long id = t.id(g);
    rt.record(new TraceEvent.Submit(rt.now(), id, ring.id, scope.id, ALLOC_KERNEL, Shapes.trace(Shapes.of(0)), 0, 1, 0, true));
    rt.setState(g, TaskTable.COMPLETED);
    rt.record(new TraceEvent.Complete(rt.now(), id, rt.orchestratorThread));
    for (TensorArg out : a.outputs()) {
      rt.tensorMap.insert(g, out);
    }
    return true;
  }

  /**
   * An AUTO-scope consumer took the edge with its submit, or the version refuses it now (fatal
   * INVALID_ARGS). For a MANUAL consumer, incremental mode wired the edge at the consumer's submit;
   * deferred mode takes the edge's dependency entry now, from the producer's ring, and wires it now
   * or at scope_end as the version's {@link PublishRule} says.
   */
  private boolean addDependency(Op.AddDependency d) {
    TaskTable t = rt.tasks;
    int consumer = taskOf(d.consumer());
    if (!scopes.get(t.scope[consumer]).manual()) {
      Optional<String> refused = rules.explicitDeps().refuseIntoAuto();
      if (refused.isPresent()) {
        rt.abort(ScopeRules.INVALID_ARGS, refused.get(), new DeviceFailure.InvalidArgs(DeviceFailure.Call.ADD_DEPENDENCY, refused.get()));
      }
      return true;
    }
    if (publishMode == PublishMode.INCREMENTAL) {
      return true;
    }
    int producer = taskOf(d.producer());
    if (t.published[consumer] || t.producers.contains(consumer, producer) || !live.test(producer)) {
      return true;
    }
    OptionalInt limit = rules.faninLimit().manualLimit();
    int fanin = t.producerCount(consumer);
    if (limit.isPresent() && fanin >= limit.getAsInt()) {
      rt.abort(FaninLimitRule.DEPENDENCY_OVERFLOW, "FATAL: Dependency Overflow Detected!",
          new DeviceFailure.DependencyOverflow(t.id(consumer), fanin + 1, limit.getAsInt(), true));
      return true;
    }
    Ring ring = rt.rings[t.ring[producer]];
    int entries = rules.depPool().addDependencyEntries();
    if (entries > 0 && !ring.ensureDeps(entries, t)) {
      blockedRequest = entries;
      return blockOn(StallResource.DEP_POOL, ring.id);
    }
    resumeIfBlocked();
    t.producers.append(consumer, producer);
    t.faninTotal[consumer]++;
    for (int i = 0; i < entries; i++) {
      ring.takeDep();
    }
    if (entries > 0) {
      t.depMark[consumer] = ring.depTop;
    }
    if (rules.publish().addDependencyWiresAtOnce()) {
      t.fanoutTotal[producer]++;
      if (t.state[producer] >= TaskTable.COMPLETED) {
        // Upstream prepends even then (an edge no completion would release); see docs/fidelity.md.
        t.faninDone[consumer]++;
      } else {
        t.consumers.prepend(producer, consumer);
      }
    }
    return true;
  }

  /**
   * The require_sync_start guard (active_mask bit 3), before the task takes anything: more blocks
   * than the platform has slots of the task's shape (AIV: AIV cores, else clusters) is fatal.
   */
  private boolean syncStartRefused(Op.Submit s) {
    if ((s.activeMask() & Shapes.SYNC_START) == 0 || s.blockNum() <= 1) {
      return false;
    }
    PlatformProfile p = rt.platform;
    int limit = Shapes.of(s.activeMask()) == Shapes.AIV ? p.clusters() * p.aivPerCluster() : p.clusters();
    if (s.blockNum() <= limit) {
      return false;
    }
    String message = SyncStartGuard.message(s.blockNum(), limit);
    int code = rules.syncStart().errorCode();
    rt.abort(code, message, new DeviceFailure.OrchestratorFatal(DeviceFailure.Call.SUBMIT, code, message));
    return true;
  }

  /** Upstream calculate_output_layout: every OUTPUT buffer padded to PTO2_PACKED_OUTPUT_ALIGN. */
  private static long packedOutputBytes(List<TensorArg> args, boolean onlyOutputs) {
    long total = 0;
    for (TensorArg arg : args) {
      if (!onlyOutputs || arg.direction() == ArgDirection.OUTPUT) {
        total += HeapAllocator.padded(arg.size());
      }
    }
    return total;
  }

  private int newTask(long programId, Scope scope, Ring ring, long heapStart, long heapSize) {
    TaskTable t = rt.tasks;
    Preconditions.checkState(t.size < t.capacity, "more tasks than the program declares");
    int g = t.size++;
    Preconditions.checkArgument(taskOfProgramId.put(programId, g) == null, "duplicate task id %s", programId);
    t.ring[g] = (byte) ring.id;
    t.local[g] = ring.allocate(g, rules.heap(), heapStart, heapSize);
    t.scope[g] = scope.id;
    t.heapStart[g] = heapStart;
    t.heapEnd[g] = heapStart + heapSize;
    t.programTask[g] = programId;
    t.fanoutTotal[g] = 1;
    scope.tasks().add(g);
    return g;
  }

  private int taskOf(long programId) {
    Integer g = taskOfProgramId.get(programId);
    Preconditions.checkArgument(g != null, "op %s names task %s before it was created", pc, programId);
    return g;
  }

  /**
   * #277's pre-check, when the policy has it: the innermost scope already holds window - 1 tasks,
   * so no allocation can succeed before its own scope_end.
   */
  private boolean scopeFull(Scope scope) {
    if (!policy.checksScopeCapacity() || scope.tasks().size() < rt.rings[scope.ring].window - 1) {
      return false;
    }
    refusedScope = scope.id;
    String reason = "scope " + scope.id + " already holds " + scope.tasks().size() + " tasks of ring " + scope.ring
        + " (window " + rt.rings[scope.ring].window + ")";
    rt.record(new TraceEvent.StallVerdict(rt.now(), scope.ring, "SCOPE_DEADLOCK", reason));
    finding = Optional.of(new StallFinding("SCOPE_DEADLOCK", reason, Optional.empty()));
    Ring ring = rt.rings[scope.ring];
    rt.abort(1, "FATAL: Scope Deadlock Detected! (ring " + scope.ring + ")", new DeviceFailure.ScopeDeadlock(scope.ring,
        scope.depth + 1, scope.tasks().size(), ring.live(), ring.window));
    return true;
  }

  // ---------------------------------------------------------------- scopes

  private void openScope(ScopeMode mode) {
    int depth = stack.size();
    Scope parent = depth == 0 ? null : stack.get(depth - 1);
    int id = scopes.size();
    int root = parent != null && parent.manual() ? parent.manualRoot : mode == ScopeMode.MANUAL ? id : -1;
    Scope scope = new Scope(id, mode, depth, root);
    scopes.add(scope);
    stack.add(scope);
    rt.record(new TraceEvent.ScopeBegin(rt.now(), id, mode.name(), depth));
  }

  /**
   * scope_end(): in deferred MANUAL mode first wire every task's edges and publish the scope in
   * submit order (skipping hidden tasks unless {@code publish-hidden-alloc}); then release the
   * scope's reference of each of its tasks.
   */
  private void endScope() {
    Scope scope = stack.get(stack.size() - 1);
    TaskTable t = rt.tasks;
    IntList owned = scope.tasks();
    OptionalInt limit = rules.faninLimit().manualLimit();
    if (scope.mode == ScopeMode.MANUAL && limit.isPresent()) {
      for (int i = 0; i < owned.size(); i++) {
        int g = owned.get(i);
        int fanin = t.producerCount(g);
        if (fanin > limit.getAsInt()) {
          // The scope stays open: upstream returns before publishing or releasing anything.
          rt.abort(FaninLimitRule.DEPENDENCY_OVERFLOW, "FATAL: Dependency Overflow Detected!",
              new DeviceFailure.DependencyOverflow(t.id(g), fanin, limit.getAsInt(), false));
          return;
        }
      }
    }
    stack.remove(stack.size() - 1);
    if (scope.mode == ScopeMode.MANUAL && publishMode == PublishMode.DEFERRED) {
      // add_dependency may have given an older consumer a later pool top: upstream keeps the marks monotonic.
      int markPrefix = 0;
      for (int i = 0; i < owned.size(); i++) {
        int g = owned.get(i);
        if (t.depMark[g] < markPrefix) {
          t.depMark[g] = markPrefix;
        } else {
          markPrefix = t.depMark[g];
        }
      }
      for (int i = 0; i < owned.size(); i++) {
        int g = owned.get(i);
        if (t.hidden[g]) {
          if (!rt.publishHiddenAlloc) {
            continue;
          }
          t.faninTotal[g] = t.producerCount(g) + 1;
        }
        if (!t.wired[g] && !rules.publish().addDependencyWiresAtOnce()) {
          rt.wire(g);
          t.wired[g] = true;
        }
      }
      for (int i = 0; i < owned.size(); i++) {
        int g = owned.get(i);
        if (!t.hidden[g] || rt.publishHiddenAlloc) {
          rt.publish(g);
        }
      }
    }
    // The scope has ended once it releases its references (the monitor checks a CONSUMED task's scope).
    scope.close();
    for (int i = 0; i < owned.size(); i++) {
      rt.releaseScopeReference(owned.get(i));
    }
    rt.record(new TraceEvent.ScopeEnd(rt.now(), scope.id));
  }

  /**
   * The oldest open scope owning tasks of {@code ring}: for rings 0..2 the one open scope at that
   * depth if it owns tasks; for ring 3 the shallowest open scope of depth 3 or more that owns any
   * (every such scope allocates from ring 3, and an outer open scope's tasks all precede an inner
   * one's). Its first task is the oldest task any open scope holds on the ring.
   */
  Optional<Scope> oldestOpenScopeOwningTasks(int ring) {
    int last = ring < RingConfig.RING_COUNT - 1 ? Math.min(ring, stack.size() - 1) : stack.size() - 1;
    for (int depth = ring; depth <= last; depth++) {
      Scope scope = stack.get(depth);
      if (!scope.tasks().isEmpty()) {
        return Optional.of(scope);
      }
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- stalls

  /**
   * Upstream's task allocator for one task with {@code bytes} of aligned outputs: a slot, then the
   * heap (the tail first derived from last_alive, as the allocator does on each spin). Returns where
   * its outputs would start in the heap, or -1 after noting what the orchestrator waits for.
   */
  private long fit(Ring ring, long bytes) {
    if (!ring.slotFree()) {
      blockedRequest = bytes;
      blockOn(StallResource.TASK_RING, ring.id);
      return -1;
    }
    ring.updateHeapTail(rt.tasks);
    long start = ring.heapFit(rules.heap(), bytes);
    if (start < 0) {
      blockedRequest = bytes;
      blockOn(StallResource.HEAP, ring.id);
      return -1;
    }
    return start;
  }

  private boolean blockOn(StallResource resource, int ring) {
    blockedOn = resource;
    blockedRing = ring;
    return false;
  }

  private void enterStall() {
    blocked = true;
    Ring ring = rt.rings[blockedRing];
    stallStart = rt.now();
    lastProgressNs = stallStart;
    lastSeenAlive = ring.lastAlive;
    rt.record(new TraceEvent.AllocStall(stallStart, ring.id, blockedOn.traceName(), ring.lastAlive, ring.current));
    stalls.add(new MutableStall(stallStart, ring.id, blockedOn));
    decide(policy.onStall(view));
  }

  private void resumeIfBlocked() {
    if (!blocked) {
      return;
    }
    blocked = false;
    Ring ring = rt.rings[blockedRing];
    rt.record(new TraceEvent.AllocResume(rt.now(), ring.id, ring.lastAlive, rt.now() - stallStart));
    stalls.get(stalls.size() - 1).resumed = true;
    view.cancelTimer();
    if (retry != null && retry.isPending()) {
      rt.kernel.cancel(retry);
    }
    retry = null;
    policy.onResume(view);
  }

  /** A ring's last_alive advanced: if the orchestrator waits on it, it sees that on its next spin. */
  void onRingAdvance(int ring) {
    if (blocked && ring == blockedRing && (retry == null || !retry.isPending())) {
      retry = rt.kernel.scheduleAfter(rt.platform.spinNs(), Ranks.ORCHESTRATOR, LABEL_OP, this::retry);
    }
  }

  private void retry() {
    rt.actionCostNs = 0;
    retry = null;
    if (!blocked || rt.aborted()) {
      return;
    }
    int ring = blockedRing;
    if (execute(ops.get(pc))) {
      proceed();
      return;
    }
    if (rt.rings[ring].lastAlive > lastSeenAlive) {
      lastSeenAlive = rt.rings[ring].lastAlive;
      lastProgressNs = rt.now();
      decide(policy.onProgress(view));
    }
  }

  /**
   * The blocked allocation as the version's device would report it if it gave up now (a stall
   * dump a device-log reader can read); empty when not blocked.
   */
  ImmutableList<String> stallReport() {
    if (!blocked) {
      return ImmutableList.of();
    }
    boolean pool = blockedOn.pool();
    String verdict = finding.map(StallFinding::verdict).orElse("");
    return rules.diagnostics().lines(FatalReports.allocator(rt, scopes, blockedOn, blockedRing, verdict,
        pool ? 0 : blockedRequest, pool ? blockedRequest : 0));
  }

  void quiescent() {
    decide(policy.onQuiescent(view));
  }

  private void decide(StallDecision decision) {
    if (decision instanceof StallDecision.Abort a) {
      String verdict = finding.map(StallFinding::verdict).orElse("");
      boolean pool = blockedOn.pool();
      rt.abort(a.code(), a.message(), FatalReports.allocator(rt, scopes, blockedOn, blockedRing, verdict,
          pool ? 0 : blockedRequest, pool ? blockedRequest : 0));
    }
  }

  /** One stall while it is being judged; frozen into a {@link StallRecord} for the report. */
  private static final class MutableStall {
    final long atNs;
    final int ring;
    final StallResource resource;
    String verdict;
    String reason = "";
    boolean resumed;

    MutableStall(long atNs, int ring, StallResource resource) {
      this.atNs = atNs;
      this.ring = ring;
      this.resource = resource;
    }

    StallRecord toRecord() {
      return new StallRecord(atNs, ring, resource, Optional.ofNullable(verdict), reason, resumed);
    }
  }

  /** The policy's view of the current stall. */
  private final class StallView implements StallContext {
    @Override
    public long nowNs() {
      return rt.now();
    }

    @Override
    public long stalledSinceNs() {
      return stallStart;
    }

    @Override
    public long lastProgressNs() {
      return lastProgressNs;
    }

    @Override
    public int ring() {
      return blockedRing;
    }

    @Override
    public StallResource resource() {
      return blockedOn;
    }

    @Override
    public long window() {
      return rt.rings[blockedRing].window;
    }

    @Override
    public long lastAlive() {
      return rt.rings[blockedRing].lastAlive;
    }

    @Override
    public long current() {
      return rt.rings[blockedRing].current;
    }

    @Override
    public PlatformProfile platform() {
      return rt.platform;
    }

    @Override
    public boolean headIsOldestOpenScopeTask() {
      Ring ring = rt.rings[blockedRing];
      if (ring.lastAlive == ring.current) {
        return false;
      }
      Optional<Scope> scope = oldestOpenScopeOwningTasks(blockedRing);
      return scope.isPresent() && scope.get().tasks().get(0) == ring.taskAt(ring.lastAlive);
    }

    @Override
    public Snapshot snapshot() {
      return rt.snapshot();
    }

    @Override
    public Optional<ProgressProof> progressProof() {
      if (blockedOn == StallResource.FANIN_POOL && rt.rings[blockedRing].depPool - spillHeld < blockedRequest) {
        // The head's retirement cannot clear this wait: the blocked submit holds the pool (the checker's capacity rule).
        return Optional.empty();
      }
      if (certificate == null) {
        certificate = new ProgressCertificate(rt);
      }
      // The policy's own timer is not runtime activity (the snapshot leaves it out, too).
      return certificate.prove(blockedRing, timer != null && timer.isPending() ? 1 : 0);
    }

    @Override
    public void armTimer(long atNs) {
      cancelTimer();
      timer = rt.kernel.scheduleAt(Math.max(atNs, rt.now()), Ranks.POLICY_TIMER, LABEL_TIMER, () -> {
        timer = null;
        if (blocked && !rt.aborted()) {
          decide(policy.onTimer(view));
        }
      });
    }

    @Override
    public void cancelTimer() {
      if (timer != null && timer.isPending()) {
        rt.kernel.cancel(timer);
      }
      timer = null;
    }

    @Override
    public void verdict(String verdict, String reason, Optional<String> witness) {
      String line = reason.replace('\n', ' ');
      rt.record(new TraceEvent.StallVerdict(rt.now(), blockedRing, verdict, line));
      if (!stalls.isEmpty()) {
        MutableStall stall = stalls.get(stalls.size() - 1);
        stall.verdict = verdict;
        stall.reason = line;
      }
      finding = Optional.of(new StallFinding(verdict, line, witness));
    }
  }
}
