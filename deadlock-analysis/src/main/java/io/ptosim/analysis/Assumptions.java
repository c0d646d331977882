package io.ptosim.analysis;

import com.google.common.collect.ImmutableList;
import io.ptosim.analysis.graph.Dependencies;
import io.ptosim.analysis.graph.HoltReduction;
import io.ptosim.analysis.graph.TaskIndex;
import io.ptosim.analysis.graph.WaitForGraph;
import io.ptosim.analysis.graph.WaitPath;
import io.ptosim.analysis.snapshot.Count;
import io.ptosim.analysis.snapshot.TaskRecord;
import io.ptosim.analysis.verdict.Assumption;
import io.ptosim.analysis.verdict.AssumptionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

/**
 * Which counter interpretations a verdict rests on. A cycle rests only on its own edges (a cycle
 * of observed waits is a deadlock whatever else is unknown); a claim that the head will or will
 * not be retired rests on everything the head transitively waits for.
 */
final class Assumptions {
  private final Dependencies dependencies;
  private final TaskIndex index;
  private final WaitForGraph graph;
  /** Keyed by (canonical task index, kind) so the list comes out in canonical order. */
  private final TreeMap<Long, Assumption> found = new TreeMap<>();

  private Assumptions(Dependencies dependencies, WaitForGraph graph) {
    this.dependencies = dependencies;
    this.index = dependencies.index();
    this.graph = graph;
  }

  /** The assumptions behind the inferred edges of {@code cycle}. */
  static ImmutableList<Assumption> onPath(Dependencies dependencies, WaitForGraph graph, WaitPath cycle) {
    Assumptions a = new Assumptions(dependencies, graph);
    for (int k = 0; k < cycle.length() - 1; k++) {
      int e = cycle.edge(k);
      if (graph.isInferred(e)) {
        int i = a.taskIndex(graph.source(e));
        switch (graph.waitKind(e)) {
          case PRODUCER -> a.producers(i);
          case PUBLISH -> a.add(i, AssumptionKind.UNPUBLISHED, a.index.task(i).fanin(), List.of(), 0);
          case CONSUMER -> a.consumers(i);
          case DEFERRED_RELEASE -> a.deferred(i);
          default -> { }
        }
      }
    }
    return a.list();
  }

  /**
   * The assumptions of every vertex the head transitively waits for (a retired any-of vertex only
   * through the wait that released it).
   */
  static ImmutableList<Assumption> behindHead(
      Dependencies dependencies, WaitForGraph graph, HoltReduction reduction) {
    Assumptions a = new Assumptions(dependencies, graph);
    if (dependencies.index().edgesKnown()) {
      return ImmutableList.of();
    }
    boolean[] seen = new boolean[graph.vertexCount()];
    int[] queue = new int[graph.vertexCount()];
    int tail = 0;
    queue[tail++] = WaitForGraph.HEAD;
    seen[WaitForGraph.HEAD] = true;
    for (int head = 0; head < tail; head++) {
      int v = queue[head];
      a.vertex(v);
      boolean onlyCause = graph.isAnyOf(v) && reduction.isRetired(v);
      for (int k = 0; k < graph.outDegree(v); k++) {
        int e = graph.outEdge(v, k);
        int w = graph.target(e);
        if (!seen[w] && (!onlyCause || e == reduction.causeEdge(v))) {
          seen[w] = true;
          queue[tail++] = w;
        }
      }
    }
    return a.list();
  }

  private void vertex(int v) {
    switch (graph.kindOf(v)) {
      case TASK -> {
        int i = taskIndex(v);
        if (dependencies.faninInferred(i)) {
          producers(i);
          add(i, dependencies.unpublished(i) ? AssumptionKind.UNPUBLISHED : AssumptionKind.PUBLISHED,
              index.task(i).fanin(), List.of(), 0);
        }
      }
      case RING_HEAD, RETIREMENT -> {
        int i = taskIndex(v);
        if (dependencies.fanoutInferred(i)) {
          consumers(i);
          deferred(i);
        }
      }
      case ORCHESTRATOR, SCHEDULER, SCOPE_END, WAKEUP -> { }
    }
  }

  private int taskIndex(int v) {
    return index.find(graph.subjectOf(v));
  }

  private void producers(int i) {
    listed(i, AssumptionKind.PRODUCERS, index.task(i).fanin(), dependencies.producerCount(i),
        k -> dependencies.producer(i, k));
  }

  private void consumers(int i) {
    listed(i, AssumptionKind.CONSUMERS, index.task(i).fanout(), dependencies.consumerCount(i),
        k -> dependencies.consumer(i, k));
  }

  /** An assumption naming the {@code count} tasks {@code taskAt} yields, if there are any. */
  private void listed(int i, AssumptionKind kind, Count counter, int count, IntUnaryOperator taskAt) {
    List<Long> ids = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      ids.add(index.id(taskAt.applyAsInt(k)));
    }
    if (!ids.isEmpty()) {
      add(i, kind, counter, ids, 0);
    }
  }

  private void deferred(int i) {
    if (dependencies.deferredReleases(i) > 0) {
      add(i, AssumptionKind.DEFERRED_RELEASES, index.task(i).fanout(), List.of(),
          dependencies.deferredReleases(i));
    }
  }

  private void add(int i, AssumptionKind kind, Count counter, List<Long> ids, long releases) {
    TaskRecord task = index.task(i);
    found.putIfAbsent((long) i * AssumptionKind.values().length + kind.ordinal(),
        new Assumption(kind, task.id(), counter, ImmutableList.copyOf(ids), releases));
  }

  private ImmutableList<Assumption> list() {
    return ImmutableList.copyOf(found.values());
  }
}
