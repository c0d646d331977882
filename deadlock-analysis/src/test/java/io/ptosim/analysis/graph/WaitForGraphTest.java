package io.ptosim.analysis.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ptosim.analysis.ConsistentSnapshotsAccess;
import io.ptosim.analysis.Fixtures;
import io.ptosim.analysis.StallChecker;
import io.ptosim.analysis.snapshot.WaitResource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.GabowStrongConnectivityInspector;
import org.jgrapht.graph.AsSubgraph;
import org.junit.jupiter.api.Test;

class WaitForGraphTest {
  private static final StallChecker DEADLOCK = new StallChecker(Fixtures.snapshot(
      "scope=1 mode=MANUAL state=open",
      "task=0 state=3 fanin=1/1 fanout=0/2 active_mask=1 done=1/1 block_num=1 next_block=1 scope=1",
      "task=1 state=0 fanin=1/2 fanout=0/1 active_mask=2 done=0/1 block_num=1 next_block=0 scope=1",
      "task=2 state=1 fanin=1/1 fanout=1/1 active_mask=1 done=0/1 block_num=1 next_block=0",
      "edge=0->1"));

  private static final WaitVertex O = new WaitVertex.Orchestrator();
  private static final WaitVertex HEAD = new WaitVertex.RingHead(0, WaitResource.TASK_RING, 0);
  private static final WaitVertex SCOPE = new WaitVertex.ScopeEnd(1);
  private static final WaitVertex T1 = new WaitVertex.Task(1);
  private static final WaitVertex T2 = new WaitVertex.Task(2);

  @Test
  void isAJgraphtGraphInCanonicalOrder() {
    Graph<WaitVertex, WaitEdge> graph = DEADLOCK.waitForGraph().orElseThrow();

    assertThat(graph.vertexSet())
        .containsExactly(O, new WaitVertex.Scheduler(), HEAD, SCOPE, T1, T2);
    assertThat(graph.edgeSet()).containsExactly(
        new WaitEdge(O, HEAD, WaitKind.ALLOCATION, false),
        new WaitEdge(HEAD, SCOPE, WaitKind.SCOPE_REFERENCE, false),
        new WaitEdge(HEAD, T1, WaitKind.CONSUMER, false),
        new WaitEdge(SCOPE, O, WaitKind.SCOPE_END, false),
        new WaitEdge(T1, O, WaitKind.PUBLISH, false),
        new WaitEdge(T1, new WaitVertex.Scheduler(), WaitKind.DISPATCH, false),
        new WaitEdge(T2, new WaitVertex.Scheduler(), WaitKind.DISPATCH, false));
    assertThat(graph.outgoingEdgesOf(HEAD)).extracting(WaitEdge::target).containsExactly(SCOPE, T1);
    assertThat(graph.incomingEdgesOf(O)).extracting(WaitEdge::source).containsExactly(SCOPE, T1);
    assertThat(graph.getEdge(T1, O)).isEqualTo(new WaitEdge(T1, O, WaitKind.PUBLISH, false));
    assertThat(graph.getEdge(O, T1)).isNull();
    assertThat(graph.containsVertex(new WaitVertex.Task(0))).isFalse(); // completed: nothing to wait for
    assertThat(graph.containsEdge(new WaitEdge(T1, O, WaitKind.PUBLISH, true))).isFalse();
    assertThat(graph.degreeOf(O)).isEqualTo(3);
    assertThat(graph.getType().isDirected()).isTrue();
    assertThatThrownBy(() -> graph.addVertex(new WaitVertex.Task(9)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theReductionRetiresOnlyWhatCanStillHappen() {
    HoltReduction reduction = DEADLOCK.reduction().orElseThrow();

    assertThat(reduction.isRetired(T2)).isTrue();
    assertThat(reduction.isRetired(new WaitVertex.Scheduler())).isTrue();
    assertThat(reduction.isRetired(O)).isFalse();
    assertThat(reduction.isRetired(HEAD)).isFalse();
    assertThat(reduction.isRetired(T1)).isFalse();
    assertThat(reduction.isRetired(SCOPE)).isFalse();
    assertThat(reduction.retiredCount()).isEqualTo(2);
  }

  @Test
  void theOrchestratorsComponentAndShortestCycle() {
    WaitForGraph graph = DEADLOCK.waitForGraph().orElseThrow();
    OrchestratorCycle cycle = new OrchestratorCycle(DEADLOCK.reduction().orElseThrow());

    assertThat(cycle.componentSize()).isEqualTo(4);
    WaitPath path = cycle.shortestCycle().orElseThrow();
    assertThat(List.of(graph.vertex(path.vertex(0)), graph.vertex(path.vertex(1)),
            graph.vertex(path.vertex(2)), graph.vertex(path.vertex(3))))
        .containsExactly(O, HEAD, SCOPE, O);
  }

  /** The component found by two BFS passes is the one JGraphT's Gabow algorithm finds. */
  @Property(tries = 400)
  void theComponentMatchesGabow(@ForAll long seed) {
    StallChecker checker = new StallChecker(ConsistentSnapshotsAccess.snapshot(seed));
    if (checker.waitForGraph().isEmpty()) {
      return;
    }
    WaitForGraph graph = checker.waitForGraph().get();
    HoltReduction reduction = checker.reduction().get();
    OrchestratorCycle cycle = new OrchestratorCycle(reduction);
    Set<WaitVertex> unretired = new HashSet<>();
    for (int v = 0; v < graph.vertexCount(); v++) {
      if (!reduction.isRetired(v)) {
        unretired.add(graph.vertex(v));
      }
    }
    Set<WaitVertex> expected = Set.of();
    if (unretired.contains(O)) {
      expected = new GabowStrongConnectivityInspector<>(new AsSubgraph<>(graph, unretired))
          .stronglyConnectedSets().stream().filter(c -> c.contains(O)).findFirst().orElseThrow();
    }
    Set<WaitVertex> actual = new HashSet<>();
    for (int v = 0; v < graph.vertexCount(); v++) {
      if (cycle.inComponent(v)) {
        actual.add(graph.vertex(v));
      }
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(cycle.shortestCycle().isPresent()).isEqualTo(expected.size() > 1);
  }
}
