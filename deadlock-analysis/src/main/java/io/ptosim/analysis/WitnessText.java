package io.ptosim.analysis;

import io.ptosim.analysis.graph.Dependencies;
import io.ptosim.analysis.graph.TaskIndex;
import io.ptosim.analysis.graph.WaitForGraph;
import io.ptosim.analysis.graph.WaitForGraphBuilder;
import io.ptosim.analysis.graph.WaitVertex;
import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.PendingEvent;
import io.ptosim.analysis.snapshot.TaskRecord;
import io.ptosim.analysis.snapshot.TaskState;
import io.ptosim.analysis.verdict.WitnessStep;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The sentences of witnesses. Only vertices and edges that end up in a witness are ever turned
 * into text, so the checker's hot path builds no strings per task.
 */
final class WitnessText {
  private final TaskIndex index;
  private final Dependencies dependencies;
  private final WaitForGraph graph;

  WitnessText(Dependencies dependencies, WaitForGraph graph) {
    this.dependencies = dependencies;
    this.index = dependencies.index();
    this.graph = graph;
  }

  /** The task vertex {@code v} is about. */
  TaskRecord task(int v) {
    return index.task(index.find(graph.subjectOf(v)));
  }

  private String task(long id) {
    return "task " + id;
  }

  /** A task with its state and a counter, e.g. {@code task 3 (PENDING, fanin 1/2)}. */
  private String described(TaskRecord task, boolean fanin) {
    return task(task.id()) + " (" + task.state() + ", " + (fanin ? "fanin " + task.fanin() : "fanout " + task.fanout())
        + ")";
  }

  /** Who waits, for the head and retirements; the vertex label otherwise. */
  private String waiter(int v) {
    return switch (graph.kindOf(v)) {
      case RING_HEAD -> graph.head().label() + " (" + task(v).state() + ", fanout " + task(v).fanout() + ")";
      case RETIREMENT -> "retiring " + described(task(v), false);
      case TASK -> described(task(v), true);
      case ORCHESTRATOR, SCHEDULER, SCOPE_END, WAKEUP -> graph.vertex(v).label();
    };
  }

  private String assumed(int e, String what) {
    return graph.isInferred(e) ? " [" + what + " assumed: edges unknown]" : "";
  }

  /** What edge {@code e} waits for, as a sentence about its source. */
  String waitText(int e) {
    int u = graph.source(e);
    int v = graph.target(e);
    return switch (graph.waitKind(e)) {
      case ALLOCATION -> "orchestrator blocked on " + graph.head().resource().token() + " of ring "
          + graph.head().ring() + " waits for " + graph.head().label() + " to be retired";
      case SCOPE_REFERENCE -> waiter(u) + " waits for " + graph.vertex(v).label()
          + ": the open scope still holds a fanout reference";
      case OWN_COMPLETION -> waiter(u) + " waits for " + task(task(v).id()) + " to complete";
      case CONSUMER -> waiter(u) + " waits for consumer " + task(task(v).id()) + " (" + task(v).state()
          + ") to complete" + assumed(e, "consumer");
      case PRODUCER -> waiter(u) + " waits for producer " + task(task(v).id()) + " (" + task(v).state()
          + ") to complete" + assumed(e, "producer");
      case PUBLISH -> waiter(u) + " waits for the orchestrator to publish it" + assumed(e, "publish barrier");
      case SCOPE_END -> graph.vertex(u).label() + " waits for the orchestrator: only it ends scopes";
      case DISPATCH -> waiter(u) + " waits for a scheduler thread to dispatch and complete it";
      case DEFERRED_RELEASE -> waiter(u) + " waits for the scheduler to flush "
          + dependencies.deferredReleases(index.find(graph.subjectOf(u))) + " deferred fanout release(s)"
          + assumed(e, "deferral");
      case WAKEUP -> waiter(u) + " waits for its due " + dueTransition(v) + " transition";
      case ADVANCE -> graph.head().label() + " is CONSUMED but not advanced past; it waits for "
          + described(task(v), false) + " to become CONSUMED and advance last_alive";
    };
  }

  private String dueTransition(int wakeup) {
    TaskRecord task = task(wakeup);
    if (finished(task)) {
      return "completion (all " + task.blockNum() + " block(s) done)";
    }
    return switch (task.state()) {
      case PENDING -> task.neverDispatched() ? "completion at submit" : "PENDING -> READY";
      case READY, RUNNING, COMPLETED -> "COMPLETED -> CONSUMED";
      case CONSUMED -> "last_alive advance";
    };
  }

  private boolean finished(TaskRecord task) {
    int i = index.find(task.id());
    return i >= 0 && WaitForGraphBuilder.finishedNotCompleted(index, i);
  }

  /** Why dead vertex {@code v} will never happen. */
  String deadText(int v) {
    return switch (graph.kindOf(v)) {
      case SCHEDULER -> "the simulation has no pending event left, so no task will be dispatched or completed";
      case ORCHESTRATOR -> "the orchestrator has finished and will never publish a task or end a scope again";
      case RING_HEAD -> graph.head().label() + " is CONSUMED but last_alive was never advanced past it, and no task"
          + " of ring " + graph.head().ring() + " can still become CONSUMED to advance it";
      case WAKEUP -> lostTransition(task(v));
      case TASK, RETIREMENT, SCOPE_END -> graph.vertex(v).label() + " can never happen";
    };
  }

  private String lostTransition(TaskRecord task) {
    String nothing = index.snapshot().pending().isPresent()
        ? "and no pending event names it" : "and nothing in flight will deliver it";
    if (finished(task)) {
      return task(task.id()) + " is " + task.state() + " with fanin " + task.fanin() + " and all its blocks done ("
          + task.done() + "): it is on no core and in no ready queue, yet its completion was never recorded, "
          + nothing;
    }
    return switch (task.state()) {
      case PENDING -> task.neverDispatched()
          ? "hidden task " + task.id() + " is PENDING, but hidden tasks are completed at submit and nothing else "
              + "completes them"
          : task(task.id()) + " has fanin " + task.fanin() + " yet never became READY, " + nothing;
      case READY, RUNNING, COMPLETED -> task(task.id()) + " has fanout " + task.fanout()
          + " and no open scope yet never became CONSUMED, " + nothing;
      case CONSUMED -> graph.head().label() + " is CONSUMED but last_alive was never advanced past it, " + nothing;
    };
  }

  /** The closing step of a cycle through the orchestrator. */
  WitnessStep cycleClosed() {
    return new WitnessStep(new WaitVertex.Orchestrator(),
        "orchestrator: the cycle closes, it cannot continue before " + graph.head().label() + " is retired");
  }

  /**
   * The events by which vertex {@code v} happens once edge {@code cause}'s target has happened
   * ({@code cause} is -1 for a vertex that waited for nothing), appended to {@code steps}.
   */
  void events(int v, int cause, List<WitnessStep> steps) {
    WaitVertex vertex = graph.vertex(v);
    switch (graph.kindOf(v)) {
      case SCHEDULER, ORCHESTRATOR -> { } // they simply keep running
      case WAKEUP -> steps.add(new WitnessStep(vertex, pendingFor(graph.subjectOf(v))
          .map(ev -> "pending " + ev.kind() + " event at " + ev.atNs() + " ns for task " + graph.subjectOf(v))
          .orElse("pending event for task " + graph.subjectOf(v))));
      case SCOPE_END -> steps.add(new WitnessStep(vertex, "orchestrator ends scope " + graph.subjectOf(v)));
      case TASK -> taskEvents(v, cause, vertex, steps);
      case RETIREMENT, RING_HEAD -> retirementEvents(v, cause, vertex, steps);
    }
  }

  private void taskEvents(int v, int cause, WaitVertex vertex, List<WitnessStep> steps) {
    TaskRecord task = task(v);
    String id = task(task.id());
    String completes = task.state() == TaskState.RUNNING
        ? id + " RUNNING (done " + task.done() + ") -> completes"
        : id + " READY -> completes";
    if (cause >= 0) {
      int before = graph.target(cause);
      switch (graph.waitKind(cause)) {
        case PRODUCER -> steps.add(new WitnessStep(vertex, task(graph.subjectOf(before)) + " completes -> releases "
            + id + " fanin (" + task.fanin().total() + "/" + task.fanin().total() + ")"));
        case PUBLISH -> steps.add(new WitnessStep(vertex, "orchestrator publishes " + id + " (fanin "
            + task.fanin().total() + "/" + task.fanin().total() + ")"));
        case WAKEUP -> steps.add(new WitnessStep(vertex, task.neverDispatched() ? id + " is completed"
            : finished(task) ? "pending event records " + id + "'s completion" : id + " PENDING -> READY"));
        default -> { }
      }
    }
    if (task.state() == TaskState.PENDING && task.neverDispatched()) {
      return;
    }
    steps.add(new WitnessStep(vertex, completes));
  }

  private void retirementEvents(int v, int cause, WaitVertex vertex, List<WitnessStep> steps) {
    TaskRecord task = task(v);
    String id = task(task.id());
    String full = " fanout (" + task.fanout().total() + "/" + task.fanout().total() + ")";
    if (graph.kindOf(v) == WaitVertex.Kind.RING_HEAD && task.state() == TaskState.CONSUMED) {
      long skipped = cause >= 0 && graph.kindOf(graph.target(cause)) == WaitVertex.Kind.RETIREMENT
          ? graph.subjectOf(graph.target(cause)) : -1;
      String by = cause >= 0 && graph.kindOf(graph.target(cause)) == WaitVertex.Kind.WAKEUP
          ? "pending advance event -> " : "";
      steps.add(new WitnessStep(vertex, by + advance(skipped)));
      return;
    }
    if (cause >= 0) {
      int before = graph.target(cause);
      switch (graph.waitKind(cause)) {
        case CONSUMER -> steps.add(new WitnessStep(vertex,
            task(graph.subjectOf(before)) + " completes -> releases " + id + full));
        case SCOPE_REFERENCE -> steps.add(new WitnessStep(vertex,
            "scope " + graph.subjectOf(before) + " end -> releases " + id + full));
        case DEFERRED_RELEASE -> steps.add(new WitnessStep(vertex,
            "scheduler flushes deferred releases -> " + id + full));
        case WAKEUP -> steps.add(new WitnessStep(vertex, "pending event delivers " + id + " COMPLETED -> CONSUMED"));
        default -> { }
      }
    }
    steps.add(new WitnessStep(vertex, id + " CONSUMED"));
    if (graph.kindOf(v) == WaitVertex.Kind.RING_HEAD) {
      steps.add(new WitnessStep(vertex, advance(-1)));
    }
  }

  /** {@code ring R last_alive advances h -> next}: past the head and the CONSUMED tasks after it. */
  private String advance(long alsoConsumed) {
    int head = index.find(graph.head().task());
    int position = index.ringPositionOf(head);
    int i = head + 1;
    while (i < index.ringEnd(position)
        && (index.task(i).state() == TaskState.CONSUMED || index.task(i).id() == alsoConsumed)) {
      i++;
    }
    long next = i < index.ringEnd(position) ? index.task(i).id() : index.ring(position).current();
    return "ring " + graph.head().ring() + " last_alive advances " + graph.head().task() + " -> " + next;
  }

  private Optional<PendingEvent> pendingFor(long task) {
    return index.snapshot().pending().orElseThrow().stream()
        .filter(e -> e.task().isPresent() && e.task().getAsLong() == task || e.kind().equals("advance"))
        .min(Comparator.comparingLong(PendingEvent::atNs).thenComparing(PendingEvent::kind));
  }

  /** Whether the orchestrator is blocked (then witnesses start at it). */
  boolean orchestratorBlocked() {
    return index.snapshot().orchestrator().kind() == OrchestratorState.Kind.BLOCKED;
  }
}
