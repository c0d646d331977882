package io.ptosim.scheduler.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.SortedSetMultimap;
import io.ptosim.scheduler.program.Op;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramException;
import io.ptosim.scheduler.program.ProgramJson;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.workload.WorkloadParams.Mode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadsTest {
  private static final WorkloadParams SMALL = WorkloadParams.defaults().withWindow(8);

  private static List<Op.Submit> submits(Program p) {
    List<Op.Submit> out = new ArrayList<>();
    for (Op op : p.ops()) {
      if (op instanceof Op.Submit s) {
        out.add(s);
      }
    }
    return out;
  }

  @Test
  void registryByName() {
    assertThat(Workloads.names())
        .containsExactly("chain", "defer-wait", "demo", "lost-advance", "paged-attention", "pinned-head", "scope-overflow", "slow-head");
    assertThat(Workloads.byName("demo").name()).isEqualTo("demo");
    assertThat(Workloads.all()).allSatisfy(w -> assertThat(w.description()).isNotBlank());
    assertThatThrownBy(() -> Workloads.byName("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown workload 'nope' (known: chain, defer-wait, demo, lost-advance, paged-attention, pinned-head, scope-overflow, slow-head)");
  }

  @Test
  void everyWorkloadInEveryModeIsValidDeterministicAndSurvivesJson() throws ProgramException {
    for (Workload w : Workloads.all()) {
      for (Mode mode : Mode.values()) {
        WorkloadParams params = SMALL.withMode(mode);
        Program p = w.program(params);
        assertThat(w.program(params)).isEqualTo(p);
        assertThat(ProgramJson.parse(ProgramJson.write(p))).isEqualTo(p);
      }
    }
  }

  @Test
  void modes() {
    assertThat(Mode.parse("partial-manual")).isEqualTo(Mode.PARTIAL_MANUAL);
    assertThat(Mode.parse("MANUAL")).isEqualTo(Mode.MANUAL);
    assertThat(Mode.AUTO.cliName()).isEqualTo("auto");
    assertThat(SMALL.withMode(Mode.PARTIAL_MANUAL).deferredPublish()).isTrue();
    assertThat(SMALL.withMode(Mode.MANUAL).deferredPublish()).isFalse();
    assertThat(SMALL.deferredPublish()).isFalse();
    assertThatThrownBy(() -> Mode.parse("hybrid")).hasMessage("unknown mode 'hybrid' (auto, manual, partial-manual)");
  }

  @Test
  void scopeOverflowPutsAtLeastAWindowOfTasksInOneScope() {
    Program p = Workloads.byName("scope-overflow").program(SMALL);
    assertThat(p.taskCount()).isEqualTo(8);
    // One scope of its own (depth 1, ring 1) around every task.
    assertThat(p.ops()).hasSize(8 + 2);
    assertThat(p.ops().get(0)).isEqualTo(new Op.ScopeBegin(ScopeMode.AUTO));
    assertThat(p.ops().get(9)).isEqualTo(new Op.ScopeEnd());
    assertThat(Workloads.byName("scope-overflow").program(SMALL.withN(20)).taskCount()).isEqualTo(20);
    assertThat(Workloads.byName("scope-overflow").program(SMALL.withN(3)).taskCount()).isEqualTo(8);
  }

  @Test
  void slowHeadStartsWithTheLongKernelThenShortIndependentTasks() {
    Program p = Workloads.byName("slow-head").program(SMALL);
    List<Op.Submit> s = submits(p);
    assertThat(s).hasSize(16);
    assertThat(s.get(0).kernel()).isEqualTo(Kernels.LONG);
    assertThat(s.subList(1, 16)).allSatisfy(t -> assertThat(t.kernel()).isEqualTo(Kernels.SHORT));
    assertThat(Discovery.producers(p).isEmpty()).isTrue();
  }

  @Test
  void lostAdvanceFillsRingOneBehindTwoGatedTasks() {
    Program p = Workloads.byName("lost-advance").program(SMALL);
    List<Op.Submit> s = submits(p);
    // Ring 0: warm-up (one block per cluster), one chain link, the 7-block blocker, the gate;
    // ring 1: H and X, then 5 alloc_tensors fillers (window 8 - 1 = 7 live), then the waiting task.
    assertThat(s).extracting(Op.Submit::kernel).containsExactly(
        Kernels.SHORT, Kernels.LONG, Kernels.LONG, Kernels.SHORT, Kernels.SHORT, Kernels.SHORT, Kernels.SHORT);
    assertThat(s).extracting(Op.Submit::blockNum).containsExactly(24, 1, 7, 1, 1, 1, 1);
    assertThat(p.taskCount()).isEqualTo(4 + 7 + 1);
    SortedSetMultimap<Long, Long> producers = Discovery.producers(p);
    assertThat(producers.get(2L)).containsExactly(1L);
    assertThat(producers.get(3L)).containsExactly(1L);
    assertThat(producers.get(4L)).containsExactly(3L);
    assertThat(producers.get(5L)).containsExactly(3L);
    assertThat(producers.keySet()).containsExactly(2L, 3L, 4L, 5L);
    // One chain link per 4096 ring-1 tasks, plus one.
    assertThat(submits(Workloads.byName("lost-advance").program(SMALL.withWindow(16384)))).filteredOn(
        t -> t.kernel().equals(Kernels.LONG) && t.blockNum() == 1).hasSize(4);
  }

  @Test
  void chainInEachMode() {
    Workload chain = Workloads.byName("chain");
    for (Mode mode : Mode.values()) {
      SortedSetMultimap<Long, Long> producers = Discovery.producers(chain.program(SMALL.withN(5).withMode(mode)));
      assertThat(producers.entries()).as("%s", mode).extracting(e -> e.getValue() + "->" + e.getKey())
          .containsExactly("0->1", "1->2", "2->3", "3->4");
    }
    assertThat(chain.program(SMALL).taskCount()).isEqualTo(64);
  }

  @Test
  void demoMixesShapesBlocksAndScopes() {
    Program p = Workloads.byName("demo").program(SMALL);
    assertThat(p.taskCount()).isEqualTo(21);
    List<Op.Submit> s = submits(p);
    assertThat(s).extracting(Op.Submit::activeMask).contains(CoreMasks.AIC, CoreMasks.AIV, CoreMasks.MIX);
    assertThat(s).anySatisfy(t -> assertThat(t.blockNum()).isGreaterThan(1));
    assertThat(p.ops()).contains(new Op.ScopeBegin(ScopeMode.AUTO), new Op.ScopeBegin(ScopeMode.MANUAL));

    SortedSetMultimap<Long, Long> producers = Discovery.producers(p);
    assertThat(producers.get(5L)).containsExactly(0L, 3L, 4L);
    assertThat(producers.get(9L)).containsExactly(0L, 5L, 8L); // ws crosses into the MANUAL scope
    assertThat(producers.get(11L)).containsExactly(10L); // nested MANUAL scope
    assertThat(producers.get(13L)).containsExactly(0L, 12L); // 12's INOUT replaced 5's entry
    assertThat(producers.get(15L)).containsExactly(11L, 14L);
    assertThat(producers.get(17L)).containsExactly(0L, 12L, 16L); // partial INOUT: 12 stays
    assertThat(producers.get(18L)).containsExactly(0L, 12L, 17L);
    assertThat(producers.get(19L)).containsExactly(18L); // OUTPUT_EXISTING writer
    assertThat(producers.get(20L)).containsExactly(18L, 19L);
    assertThat(ImmutableList.copyOf(producers.keySet())).doesNotContain(1L, 6L, 10L);
  }

  @Test
  void paramsRejectNonsense() {
    assertThatThrownBy(() -> SMALL.withN(-1)).hasMessage("n must be non-negative: -1");
    assertThatThrownBy(() -> SMALL.withWindow(1)).hasMessage("window must be at least 2: 1");
    assertThat(SMALL.nOr(7)).isEqualTo(7);
    assertThat(SMALL.withN(3).nOr(7)).isEqualTo(3);
  }

  @Test
  void sizesAreCappedSoThatATypoIsAnErrorNotAnOutOfMemory() {
    // --workload chain --n 2000000000
    assertThatThrownBy(() -> SMALL.withN(2_000_000_000)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be at most 1000000: 2000000000");
    assertThat(SMALL.withN(WorkloadParams.MAX_N).n()).isEqualTo(1_000_000);
    // Sizes derived from a large window are capped too (2 x 2^30 overflowed an int before).
    WorkloadParams huge = SMALL.withWindow(1 << 30);
    for (String name : List.of("scope-overflow", "slow-head", "lost-advance")) {
      assertThatThrownBy(() -> Workloads.byName(name).program(huge)).as(name).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("the workload would create ").hasMessageContaining("for window 1073741824, more than 1000000");
    }
    assertThat(Workloads.byName("slow-head").program(huge.withN(10)).taskCount()).isEqualTo(10);
  }
}
