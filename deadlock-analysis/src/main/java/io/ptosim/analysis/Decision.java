package io.ptosim.analysis;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import io.ptosim.analysis.graph.Dependencies;
import io.ptosim.analysis.graph.HoltReduction;
import io.ptosim.analysis.graph.OrchestratorCycle;
import io.ptosim.analysis.graph.WaitForGraph;
import io.ptosim.analysis.graph.WaitKind;
import io.ptosim.analysis.graph.WaitPath;
import io.ptosim.analysis.graph.WaitVertex;
import io.ptosim.analysis.verdict.InvariantRule;
import io.ptosim.analysis.verdict.InvariantViolation;
import io.ptosim.analysis.verdict.LostWakeup;
import io.ptosim.analysis.verdict.RealDeadlock;
import io.ptosim.analysis.verdict.UnretiredProgress;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.Violation;
import io.ptosim.analysis.verdict.WitnessStep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Turns a reduced wait-for graph into a verdict: a retired head is unretired progress (witness:
 * the chain of causes that retires it); otherwise a cycle through the orchestrator is a real
 * deadlock (witness: the shortest such cycle); otherwise the head's waits lead to something that
 * will never happen by itself, a lost wake-up (witness: that path).
 */
final class Decision {
  /** Witnesses longer than this keep their first and last half and elide the middle. */
  static final int WITNESS_VERTICES = 32;

  private final Dependencies dependencies;
  private final WaitForGraph graph;
  private final HoltReduction reduction;
  private final WitnessText text;

  private Decision(Dependencies dependencies, HoltReduction reduction) {
    this.dependencies = dependencies;
    this.graph = reduction.graph();
    this.reduction = reduction;
    this.text = new WitnessText(dependencies, graph);
  }

  static Verdict decide(Dependencies dependencies, HoltReduction reduction) {
    Decision decision = new Decision(dependencies, reduction);
    if (reduction.isRetired(WaitForGraph.HEAD)) {
      return decision.unretired();
    }
    // A CONSUMED head is never part of a deadlock: the rules advance last_alive past it at once,
    // so if that has not happened the wake-up was lost, whatever else its any-of alternatives wait for.
    OrchestratorCycle cycle = new OrchestratorCycle(reduction);
    if (!reduction.graph().isAnyOf(WaitForGraph.HEAD) && cycle.shortestCycle().isPresent()) {
      return decision.deadlock(cycle.shortestCycle().get());
    }
    return decision.lost();
  }

  private Verdict unretired() {
    // Causes lead from the head back to a source; the events run the other way.
    int length = 1;
    for (int v = WaitForGraph.HEAD; reduction.causeEdge(v) >= 0; v = graph.target(reduction.causeEdge(v))) {
      length++;
    }
    int[] vertices = new int[length];
    int[] edges = new int[length - 1];
    vertices[length - 1] = WaitForGraph.HEAD;
    for (int k = length - 1; k > 0; k--) {
      edges[k - 1] = reduction.causeEdge(vertices[k]);
      vertices[k - 1] = graph.target(edges[k - 1]);
    }
    WaitPath chain = new WaitPath(vertices, edges);
    List<WitnessStep> steps = new ArrayList<>();
    walk(chain, k -> text.events(chain.vertex(k), k > 0 ? chain.edge(k - 1) : -1, steps), steps);
    String after = Arrays.stream(vertices)
        .filter(v -> graph.kindOf(v) == WaitVertex.Kind.TASK)
        .boxed()
        .findFirst()
        .map(v -> "task " + graph.subjectOf(v) + " (" + text.task(v).state() + ") completes")
        .orElse(steps.get(0).text());
    return new UnretiredProgress(
        "The stall clears if the system keeps running: " + graph.head().label() + " is retired after "
            + after + ".",
        ImmutableList.copyOf(steps),
        Assumptions.behindHead(dependencies, graph, reduction));
  }

  private Verdict deadlock(WaitPath cycle) {
    List<WitnessStep> steps = new ArrayList<>();
    walk(cycle, k -> {
      if (k < cycle.length() - 1) {
        steps.add(new WitnessStep(graph.vertex(cycle.vertex(k)), text.waitText(cycle.edge(k))));
      } else {
        steps.add(text.cycleClosed());
      }
    }, steps);
    int n = cycle.length();
    String chain = IntStream.range(1, n - 1)
        .filter(k -> n <= 8 || k < 3 || k > n - 4)
        .mapToObj(k -> (n > 8 && k == n - 3 ? "... " + (n - 6) + " more waits ..., which waits for " : "")
            + graph.vertex(cycle.vertex(k)).label())
        .collect(Collectors.joining(", which waits for "));
    String only = graph.waitKind(cycle.edge(n - 2)) == WaitKind.PUBLISH
        ? "only the orchestrator can publish" : "only the orchestrator can perform";
    return new RealDeadlock(
        "The blocked orchestrator waits for " + chain + ", which " + only
            + ": a cycle of waits that no event can break.",
        ImmutableList.copyOf(steps),
        Assumptions.onPath(dependencies, graph, cycle));
  }

  private Verdict lost() {
    List<Integer> vertices = new ArrayList<>();
    List<Integer> edges = new ArrayList<>();
    boolean[] onPath = new boolean[graph.vertexCount()];
    if (text.orchestratorBlocked()) {
      vertices.add(WaitForGraph.ORCHESTRATOR);
      edges.add(graph.edgeBetween(WaitForGraph.ORCHESTRATOR, WaitForGraph.HEAD));
    }
    int v = WaitForGraph.HEAD;
    while (true) {
      vertices.add(v);
      onPath[v] = true;
      if (graph.isDead(v)) {
        break;
      }
      int next = -1;
      for (int k = 0; k < graph.outDegree(v) && next < 0; k++) {
        int e = graph.outEdge(v, k);
        if (!reduction.isRetired(graph.target(e))) {
          next = e;
        }
      }
      // An unretired vertex that is not dead waits for at least one unretired vertex.
      checkState(next >= 0, "unretired vertex %s waits for nothing unretired", v);
      if (onPath[graph.target(next)]) {
        return taskCycle(vertices.subList(vertices.indexOf(graph.target(next)), vertices.size()));
      }
      edges.add(next);
      v = graph.target(next);
    }
    WaitPath path = path(vertices, edges);
    int sink = v;
    List<WitnessStep> steps = new ArrayList<>();
    walk(path, k -> steps.add(new WitnessStep(graph.vertex(path.vertex(k)),
        k < path.length() - 1 ? text.waitText(path.edge(k)) : text.deadText(sink))), steps);
    return new LostWakeup(
        graph.head().label() + " will not be retired although the rules allow progress: "
            + text.deadText(sink) + ".",
        ImmutableList.copyOf(steps),
        Assumptions.behindHead(dependencies, graph, reduction));
  }

  /** Tasks waiting for each other without the orchestrator: only cross-ring edges can do that. */
  private Verdict taskCycle(List<Integer> cycle) {
    String tasks = cycle.stream()
        .map(v -> graph.vertex(v).label())
        .collect(Collectors.joining(" -> "));
    Violation violation = new Violation(InvariantRule.DEPENDENCY_CYCLE, graph.vertex(cycle.get(0)),
        "the waits " + tasks + " -> " + graph.vertex(cycle.get(0)).label() + " form a cycle", false);
    return new InvariantViolation(
        "Impossible state: " + violation.text() + ".",
        ImmutableList.of(new WitnessStep(violation.subject(), violation.text())),
        ImmutableList.of(),
        ImmutableList.of(violation));
  }

  private static WaitPath path(List<Integer> vertices, List<Integer> edges) {
    return new WaitPath(
        vertices.stream().mapToInt(Integer::intValue).toArray(),
        edges.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Visits the path's vertices, eliding the middle of a long one with a single step. */
  private void walk(WaitPath path, IntConsumer visit, List<WitnessStep> steps) {
    int n = path.length();
    int keep = WITNESS_VERTICES / 2;
    for (int k = 0; k < n; k++) {
      if (n > WITNESS_VERTICES && k == keep) {
        steps.add(new WitnessStep(graph.vertex(path.vertex(k)),
            "... " + (n - 2 * keep) + " more links of the same chain ..."));
        k = n - keep - 1;
        continue;
      }
      visit.accept(k);
    }
  }
}
