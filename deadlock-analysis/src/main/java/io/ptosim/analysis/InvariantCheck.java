package io.ptosim.analysis;

import com.google.common.collect.ImmutableList;
import io.ptosim.analysis.graph.Dependencies;
import io.ptosim.analysis.graph.TaskIndex;
import io.ptosim.analysis.graph.WaitVertex;
import io.ptosim.analysis.snapshot.Count;
import io.ptosim.analysis.snapshot.Edge;
import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.RingRecord;
import io.ptosim.analysis.snapshot.ScopeRecord;
import io.ptosim.analysis.snapshot.TaskRecord;
import io.ptosim.analysis.snapshot.TaskState;
import io.ptosim.analysis.snapshot.TraceEvidence;
import io.ptosim.analysis.snapshot.TraceKind;
import io.ptosim.analysis.snapshot.WaitResource;
import io.ptosim.analysis.verdict.Assumption;
import io.ptosim.analysis.verdict.AssumptionKind;
import io.ptosim.analysis.verdict.InvariantRule;
import io.ptosim.analysis.verdict.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The runtime rules a snapshot must satisfy before the wait-for question makes sense. Checks run
 * in canonical order (rings, then tasks by ring and id, then edges, then trace evidence), so the
 * violations come out in the same order however the input lines were ordered.
 */
final class InvariantCheck {
  private final TaskIndex index;
  private final Dependencies dependencies;
  private final List<Violation> violations = new ArrayList<>();
  private final List<Assumption> assumptions = new ArrayList<>();

  /** Per task, how many unfinished tasks of its ring precede it. */
  private final int[] unfinishedBefore;

  private InvariantCheck(Dependencies dependencies) {
    this.dependencies = dependencies;
    this.index = dependencies.index();
    // Only the counters-only reading needs these.
    unfinishedBefore = new int[index.edgesKnown() ? 0 : index.size()];
    for (int p = 0; !index.edgesKnown() && p < index.ringCount(); p++) {
      int count = 0;
      for (int i = index.ringStart(p); i < index.ringEnd(p); i++) {
        unfinishedBefore[i] = count;
        count += index.completed(i) ? 0 : 1;
      }
    }
  }

  /** What the checks found: certain violations if any, else those that rest on assumptions. */
  record Findings(ImmutableList<Violation> violations, ImmutableList<Assumption> assumptions) {}

  static Findings run(Dependencies dependencies) {
    InvariantCheck check = new InvariantCheck(dependencies);
    check.rings();
    for (int i = 0; i < check.index.size(); i++) {
      check.task(i);
    }
    check.index.duplicateEdges().forEach(check::duplicate);
    check.evidence();
    List<Violation> certain = check.violations.stream().filter(v -> !v.assumed()).toList();
    if (!certain.isEmpty()) {
      return new Findings(ImmutableList.copyOf(certain), ImmutableList.of());
    }
    return new Findings(
        ImmutableList.copyOf(check.violations), ImmutableList.copyOf(check.assumptions));
  }

  private void rings() {
    for (int p = 0; p < index.ringCount(); p++) {
      RingRecord ring = index.ring(p);
      if (ring.liveCount() > ring.window() - 1) {
        add(InvariantRule.RING_OVERFULL, head(ring),
            "ring " + ring.ring() + " holds " + ring.liveCount() + " live task ids (last_alive "
                + ring.lastAlive() + ", current " + ring.current() + ") in a window of "
                + ring.window());
      }
    }
    OrchestratorState orchestrator = index.snapshot().orchestrator();
    int target = index.snapshot().targetRing();
    RingRecord ring = index.ring(index.ringPosition(target));
    boolean blocked = orchestrator.kind() == OrchestratorState.Kind.BLOCKED;
    if (ring.liveCount() == 0) {
      // An empty ring is a legal wait only for a pool that can never reclaim (the capacity rules' case).
      if (blocked && new DepPoolCapacity(index.snapshot()).deadlock().isEmpty()
          && new FaninPoolCapacity(index.snapshot()).deadlock().isEmpty()) {
        add(InvariantRule.EMPTY_RING_WAIT, new WaitVertex.Orchestrator(),
            "the orchestrator waits on ring " + target + ", which holds no live task (last_alive = current = "
                + ring.current() + ")");
      }
    } else {
      int head = index.find(ring.lastAlive());
      if (head < 0 || index.ringOf(head) != target) {
        add(InvariantRule.HEAD_MISSING, head(ring),
            "ring " + target + " head task " + ring.lastAlive() + " is not in the snapshot");
      }
    }
    if (orchestrator.kind() == OrchestratorState.Kind.FINISHED) {
      index.snapshot().scopes().stream()
          .filter(ScopeRecord::open)
          .sorted(Comparator.comparingLong(ScopeRecord::id))
          .forEach(scope -> add(InvariantRule.OPEN_SCOPE_AFTER_FINISH, new WaitVertex.ScopeEnd(scope.id()),
              "scope " + scope.id() + " is open after the orchestrator finished"));
    }
    if (orchestrator instanceof OrchestratorState.Blocked b && b.scope().isPresent()) {
      long id = b.scope().getAsLong();
      index.snapshot().scopes().stream().filter(s -> s.id() == id).findFirst()
          .filter(s -> !s.open() || s.ring().orElse(b.ring()) != b.ring())
          .ifPresent(s -> add(InvariantRule.SUBMIT_SCOPE_NOT_OPEN, new WaitVertex.ScopeEnd(id),
              "the blocked submit on ring " + b.ring() + " belongs to scope " + id + ", which is "
                  + (s.open() ? "a scope of ring " + s.ring().getAsInt() : "closed")));
    }
  }

  private static WaitVertex head(RingRecord ring) {
    return new WaitVertex.RingHead(ring.ring(), WaitResource.TASK_RING, ring.lastAlive());
  }

  private void task(int i) {
    TaskRecord task = index.task(i);
    if (exceeded(task, "fanin", task.fanin())
        | exceeded(task, "fanout", task.fanout())
        | exceeded(task, "done", task.done())) {
      return; // the remaining rules read these counters
    }
    blocks(task);
    states(task);
    placement(i, task);
    if (index.edgesKnown()) {
      faninAgainstEdges(i, task);
      fanoutAgainstEdges(i, task);
    } else if (task.state() == TaskState.PENDING && !task.neverDispatched()) {
      faninAgainstRing(i, task);
    }
  }

  /** Block counters: done, next_block and block_num. */
  private void blocks(TaskRecord task) {
    long done = task.done().done();
    if (task.done().total() != task.blockNum()) {
      add(InvariantRule.DONE_TOTAL_NOT_BLOCK_NUM, task,
          named(task) + " has done=" + task.done() + " but block_num=" + task.blockNum());
    }
    if (done > task.blockNum()) {
      add(InvariantRule.DONE_EXCEEDS_BLOCK_NUM, task,
          named(task) + " has done " + done + " > block_num " + task.blockNum());
    }
    if (task.nextBlock() > task.blockNum()) {
      add(InvariantRule.NEXT_BLOCK_EXCEEDS_BLOCK_NUM, task,
          named(task) + " has next_block " + task.nextBlock() + " > block_num " + task.blockNum());
    }
    if (done > task.nextBlock()) {
      add(InvariantRule.DONE_EXCEEDS_NEXT_BLOCK, task,
          named(task) + " has done " + done + " > next_block " + task.nextBlock());
    }
  }

  /** What a task's state implies about its counters. */
  private void states(TaskRecord task) {
    TaskState state = task.state();
    boolean completed = state.isCompleted();
    boolean visible = !task.neverDispatched();
    long done = task.done().done();
    if ((state == TaskState.READY || state == TaskState.RUNNING) && !task.fanin().isComplete()) {
      add(InvariantRule.READY_WITH_FANIN_MISSING, task,
          named(task) + " is " + state + " with fanin " + task.fanin());
    }
    if (completed && visible && !task.fanin().isComplete()) {
      add(InvariantRule.COMPLETED_WITH_FANIN_MISSING, task,
          named(task) + " is " + state + " with fanin " + task.fanin());
    }
    if (completed && visible && done < task.blockNum()) {
      add(InvariantRule.COMPLETED_WITH_BLOCKS_LEFT, task,
          named(task) + " is " + state + " with done " + task.done() + " of block_num " + task.blockNum());
    }
    if (state == TaskState.CONSUMED && !task.fanout().isComplete()) {
      add(InvariantRule.CONSUMED_WITH_FANOUT_MISSING, task,
          named(task) + " is CONSUMED with fanout " + task.fanout());
    }
    if (!visible && (state == TaskState.READY || state == TaskState.RUNNING || task.nextBlock() > 0)) {
      add(InvariantRule.HIDDEN_TASK_PUBLISHED, task,
          "hidden " + named(task) + " (active_mask " + task.activeMask() + (task.hidden() ? ", kind=alloc" : "")
              + ") is " + state + " with next_block " + task.nextBlock());
    }
    if (state == TaskState.PENDING && (task.nextBlock() > 0 || done > 0)) {
      add(InvariantRule.DISPATCHED_WITHOUT_READY, task,
          named(task) + " is PENDING with next_block " + task.nextBlock() + " and done " + task.done());
    }
  }

  /** Where a task sits: its ring's live range, its scope, the orchestrator's publishing. */
  private void placement(int i, TaskRecord task) {
    RingRecord ring = index.ring(index.ringPositionOf(i));
    if (task.id() < ring.lastAlive() && task.state() != TaskState.CONSUMED) {
      add(InvariantRule.RETIRED_TASK_NOT_CONSUMED, task,
          named(task) + " precedes ring " + ring.ring() + " last_alive " + ring.lastAlive() + " but is " + task.state());
    }
    if (task.id() >= ring.current()) {
      add(InvariantRule.TASK_BEYOND_CURRENT, task,
          named(task) + " is not below ring " + ring.ring() + " current " + ring.current());
    }
    if (index.scopeOpen(i) && task.fanout().isComplete()) {
      add(InvariantRule.SCOPE_REFERENCE_RELEASED, task,
          named(task) + " has fanout " + task.fanout() + " while its scope " + task.scope().getAsLong() + " is open");
    }
    if (index.snapshot().orchestrator().kind() == OrchestratorState.Kind.FINISHED
        && dependencies.unpublished(i)) {
      violations.add(new Violation(InvariantRule.UNPUBLISHED_AFTER_FINISH, vertex(task),
          named(task) + " is unpublished (fanin " + task.fanin() + ") after the orchestrator finished",
          dependencies.faninInferred(i)));
      if (dependencies.faninInferred(i)) {
        assumptions.add(new Assumption(
            AssumptionKind.UNPUBLISHED, task.id(), task.fanin(), ImmutableList.of(), 0));
      }
    }
  }

  private boolean exceeded(TaskRecord task, String counter, Count count) {
    if (count.isExceeded()) {
      add(InvariantRule.COUNT_EXCEEDS_TOTAL, task, named(task) + " has " + counter + "=" + count);
    }
    return count.isExceeded();
  }

  private void faninAgainstEdges(int i, TaskRecord task) {
    TaskIndex.Adjacency producers = index.producers();
    int listed = producers.count(i) + producers.missing(i);
    int unfinished = 0;
    int firstUnfinished = -1;
    for (int k = 0; k < producers.count(i); k++) {
      int p = producers.get(i, k);
      if (!index.task(p).state().isCompleted()) {
        unfinished++;
        firstUnfinished = firstUnfinished < 0 ? p : firstUnfinished;
      }
      if (index.ringOf(p) == index.ringOf(i) && index.task(p).id() > task.id()) {
        add(InvariantRule.CONSUMER_BEFORE_PRODUCER, task,
            "edge " + index.task(p).id() + "->" + task.id() + " makes " + named(task)
                + " consume a task of its ring submitted after it");
      }
    }
    if (task.neverDispatched()) {
      return;
    }
    if (task.fanin().total() < listed + 1L) {
      add(InvariantRule.FANIN_DISAGREES_WITH_EDGES, task,
          named(task) + " has fanin " + task.fanin() + " for " + listed + " producer edges plus the publish barrier");
    }
    long barrier = task.fanin().missing() - unfinished;
    if (task.state() == TaskState.PENDING && (barrier < 0 || barrier > 1)) {
      add(InvariantRule.FANIN_DISAGREES_WITH_EDGES, task,
          named(task) + " misses " + task.fanin().missing() + " fanin releases (fanin " + task.fanin() + ") with "
              + unfinished + " unfinished producers");
    }
    if (firstUnfinished >= 0 && task.state() != TaskState.PENDING) {
      String producer = "producer task " + index.task(firstUnfinished).id() + " is "
          + index.task(firstUnfinished).state();
      if (task.state().isCompleted()) {
        add(InvariantRule.CONSUMER_COMPLETED_FIRST, task, named(task) + " is " + task.state() + " while its " + producer);
      } else {
        add(InvariantRule.FANIN_DISAGREES_WITH_EDGES, task, named(task) + " is " + task.state() + " while its " + producer);
      }
    }
  }

  private void fanoutAgainstEdges(int i, TaskRecord task) {
    TaskIndex.Adjacency consumers = index.consumers();
    int listed = consumers.count(i) + consumers.missing(i);
    int unfinished = 0;
    for (int k = 0; k < consumers.count(i); k++) {
      unfinished += index.task(consumers.get(i, k)).state().isCompleted() ? 0 : 1;
    }
    int finished = listed - unfinished;
    long owed = task.fanout().missing() - (index.scopeOpen(i) ? 1 : 0);
    if (task.fanout().total() < listed + 1L) {
      add(InvariantRule.FANOUT_DISAGREES_WITH_EDGES, task,
          named(task) + " has fanout " + task.fanout() + " for " + listed + " consumer edges plus the scope reference");
    } else if (owed >= 0 && (owed < unfinished || owed > unfinished + finished)) {
      add(InvariantRule.FANOUT_DISAGREES_WITH_EDGES, task,
          named(task) + " misses " + owed + " consumer releases (fanout " + task.fanout() + ") with " + unfinished
              + " unfinished and " + finished + " completed consumers");
    }
  }

  private void faninAgainstRing(int i, TaskRecord task) {
    if (task.fanin().missing() - 1 <= unfinishedBefore[i]) {
      return;
    }
    List<Long> earlier = new ArrayList<>();
    for (int k = index.ringStart(index.ringPositionOf(i)); k < i; k++) {
      if (!index.task(k).state().isCompleted()) {
        earlier.add(index.task(k).id());
      }
    }
    violations.add(new Violation(InvariantRule.FANIN_UNEXPLAINED, vertex(task),
        named(task) + " misses " + task.fanin().missing() + " fanin releases (fanin " + task.fanin() + ") but only "
            + earlier.size() + " unfinished earlier tasks of its ring and the publish barrier can release it",
        true));
    assumptions.add(new Assumption(
        AssumptionKind.PRODUCERS, task.id(), task.fanin(), ImmutableList.copyOf(earlier), 0));
  }

  private void duplicate(Edge edge) {
    add(InvariantRule.DUPLICATE_EDGE, new WaitVertex.Task(edge.consumer()),
        "edge " + edge + " is listed more than once");
  }

  private void evidence() {
    List<TraceEvidence> traces = new ArrayList<>(index.snapshot().evidence());
    traces.sort(Comparator.comparingLong(TraceEvidence::task).thenComparing(TraceEvidence::kind));
    Set<String> reported = new HashSet<>();
    for (TraceEvidence trace : traces) {
      int i = index.find(trace.task());
      if (i < 0) {
        continue; // the trace may name tasks already retired or not dumped
      }
      TaskRecord task = index.task(i);
      String line = trace.kind() == TraceKind.DISPATCH ? "a dispatch trace" : "a ready(local) trace";
      if (task.neverDispatched()) {
        addOnce(reported, InvariantRule.HIDDEN_TASK_PUBLISHED, task,
            line + " names hidden task " + task.id() + " (active_mask " + task.activeMask() + ")");
      } else if (trace.shape() != task.shape()) {
        addOnce(reported, InvariantRule.TRACE_SHAPE_DISAGREES, task,
            line + " gives task " + task.id() + " shape " + trace.shape() + " but its active_mask "
                + task.activeMask() + " selects shape " + task.shape());
      }
      if (task.state() == TaskState.PENDING) {
        addOnce(reported, InvariantRule.DISPATCHED_WITHOUT_READY, task,
            line + " shows task " + task.id() + " made ready or dispatched, yet it is PENDING");
      }
    }
  }

  private void addOnce(Set<String> reported, InvariantRule rule, TaskRecord task, String observed) {
    if (reported.add(rule + "/" + task.id())) {
      add(rule, task, observed);
    }
  }

  private void add(InvariantRule rule, TaskRecord task, String observed) {
    add(rule, vertex(task), observed);
  }

  private void add(InvariantRule rule, WaitVertex subject, String observed) {
    violations.add(new Violation(rule, subject, observed, false));
  }

  /** "task N": only called while building the message of a broken rule. */
  private static String named(TaskRecord task) {
    return "task " + task.id();
  }

  private static WaitVertex vertex(TaskRecord task) {
    return new WaitVertex.Task(task.id());
  }
}
