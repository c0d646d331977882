package io.ptosim.analysis.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.analysis.Fixtures;
import io.ptosim.analysis.StallChecker;
import org.junit.jupiter.api.Test;

class WitnessExporterTest {
  private static final StallChecker DEADLOCK = new StallChecker(Fixtures.snapshot(
      "orchestrator=blocked waiting=task_ring ring=0",
      "scope=1 mode=MANUAL state=open",
      "task=0 state=3 fanin=1/1 fanout=0/2 active_mask=1 done=1/1 block_num=1 next_block=1 scope=1",
      "task=1 state=1 fanin=1/1 fanout=1/1 active_mask=2 done=0/1 block_num=1 next_block=0"));

  @Test
  void dotHighlightsTheCycleAndDashesInferredEdges() {
    assertThat(new WitnessExporter(DEADLOCK, ExportScope.WHOLE_GRAPH).toDot()).isEqualTo("""
        strict digraph G {
          rankdir=LR;
          labelloc=t;
          label="REAL_DEADLOCK: The blocked orchestrator waits for ring 0 head task 0, which waits for scope 1 end, \
        which only the orchestrator can perform: a cycle of waits that no event can break.";
          orchestrator [ label="orchestrator" shape="doubleoctagon" style="filled" fillcolor="mistyrose" \
        color="red" penwidth="2" ];
          scheduler [ label="scheduler" shape="component" ];
          head_ring0 [ label="ring 0 head task 0" shape="box" style="filled" fillcolor="mistyrose" color="red" \
        penwidth="2" ];
          scope_1 [ label="scope 1 end" shape="diamond" style="filled" fillcolor="mistyrose" color="red" \
        penwidth="2" ];
          task_1 [ label="task 1" shape="ellipse" ];
          orchestrator -> head_ring0 [ label="allocation" color="red" penwidth="2" ];
          head_ring0 -> scope_1 [ label="scope_reference" color="red" penwidth="2" ];
          head_ring0 -> task_1 [ label="consumer" style="dashed" ];
          scope_1 -> orchestrator [ label="scope_end" color="red" penwidth="2" ];
          task_1 -> scheduler [ label="dispatch" ];
        }
        """);
  }

  @Test
  void jsonCarriesTheSameFlags() {
    assertThat(new WitnessExporter(DEADLOCK, ExportScope.WITNESS).toJson()).isEqualTo(
        "{\"creator\":\"JGraphT JSON Exporter\",\"version\":\"1\",\"nodes\":["
            + "{\"id\":\"orchestrator\",\"label\":\"orchestrator\",\"kind\":\"ORCHESTRATOR\",\"witness\":true,"
            + "\"never\":true},"
            + "{\"id\":\"head_ring0\",\"label\":\"ring 0 head task 0\",\"kind\":\"RING_HEAD\",\"witness\":true,"
            + "\"never\":true},"
            + "{\"id\":\"scope_1\",\"label\":\"scope 1 end\",\"kind\":\"SCOPE_END\",\"witness\":true,"
            + "\"never\":true}],"
            + "\"edges\":["
            + "{\"source\":\"orchestrator\",\"target\":\"head_ring0\",\"kind\":\"ALLOCATION\",\"inferred\":false,"
            + "\"witness\":true},"
            + "{\"source\":\"head_ring0\",\"target\":\"scope_1\",\"kind\":\"SCOPE_REFERENCE\",\"inferred\":false,"
            + "\"witness\":true},"
            + "{\"source\":\"scope_1\",\"target\":\"orchestrator\",\"kind\":\"SCOPE_END\",\"inferred\":false,"
            + "\"witness\":true}]}");
  }

  @Test
  void anImpossibleSnapshotExportsTheVerticesItsViolationsName() {
    StallChecker checker = new StallChecker(Fixtures.snapshot(
        "task=0 state=1 fanin=1/2 fanout=1/1 active_mask=1 done=0/1 block_num=1 next_block=0"));

    assertThat(checker.waitForGraph()).isEmpty();
    assertThat(new WitnessExporter(checker, ExportScope.WHOLE_GRAPH).toDot()).isEqualTo("""
        strict digraph G {
          rankdir=LR;
          labelloc=t;
          label="INVARIANT_VIOLATION: Impossible state: task 0 is READY with fanin 1/2, but a READY or RUNNING \
        task has received all fanin (a == b).";
          task_0 [ label="task 0" shape="ellipse" color="red" penwidth="2" ];
        }
        """);
  }

  @Test
  void witnessScopeKeepsOnlyTheWitnessAndIdsNameTheVertex() {
    assertThat(WitnessExporter.id(new io.ptosim.analysis.graph.WaitVertex.Wakeup(3))).isEqualTo("wakeup_3");
    assertThat(new WitnessExporter(DEADLOCK, ExportScope.WITNESS).toDot()).doesNotContain("scheduler");
  }
}
