package io.ptosim.scheduler.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.SortedSetMultimap;
import com.google.common.collect.TreeMultimap;
import io.ptosim.scheduler.program.Op;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.workload.WorkloadParams.Mode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagedAttentionTest {
  private static final Workload PA = Workloads.byName("paged-attention");

  private static Program program(String caseName, Mode mode) {
    return PA.program(WorkloadParams.defaults().withCase(caseName).withMode(mode));
  }

  /** The #495 seed snapshot's partial-manual graph (hidden alloc owner in the MANUAL scope). */
  private static Program seed(String caseName) {
    return PagedAttention.program(PagedAttentionCase.byName(caseName), true);
  }

  /** Tasks per kind: kernel name, or "alloc" for alloc_tensors. */
  private static Map<String, Integer> kinds(Program p) {
    Map<String, Integer> kinds = new TreeMap<>();
    for (Op op : p.ops()) {
      if (op instanceof Op.Submit s) {
        kinds.merge(s.kernel(), 1, Integer::sum);
      } else if (op instanceof Op.AllocTensors) {
        kinds.merge("alloc", 1, Integer::sum);
      }
    }
    return kinds;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "Case1,       65792, 16384, 256",
      "Case2,       32832,  8192,  64",
      "Case3,       32832,  8192,  64",
      "CaseSmall1,     13,     3,   1",
      "CaseSmall2,     33,     8,   1",
      "CaseVarSeq2,    22,     5,   2",
      "CaseVarSeq4,    68,    16,   4",
  })
  void taskCountsMatchUpstreamInEveryMode(String caseName, int tasks, int perKernel, int allocs) {
    assertThat(PagedAttentionCase.byName(caseName).taskCount()).isEqualTo(tasks);
    for (Program p : ImmutableList.of(program(caseName, Mode.AUTO), program(caseName, Mode.MANUAL), seed(caseName))) {
      assertThat(p.taskCount()).as("%s %s", caseName, p.name()).isEqualTo(tasks);
      assertThat(kinds(p)).containsExactly(
          Map.entry("alloc", allocs), Map.entry("pv", perKernel), Map.entry("qk", perKernel),
          Map.entry("sf", perKernel), Map.entry("up", perKernel));
    }
    // PR #482's partial-manual owns the accumulators by an AIV hub task instead of alloc_tensors.
    Program partial = program(caseName, Mode.PARTIAL_MANUAL);
    assertThat(partial.taskCount()).isEqualTo(tasks);
    assertThat(kinds(partial)).containsExactly(
        Map.entry("hub", allocs), Map.entry("pv", perKernel), Map.entry("qk", perKernel),
        Map.entry("sf", perKernel), Map.entry("up", perKernel));
  }

  @Test
  void caseParametersAreUpstreams() {
    PagedAttentionCase c1 = PagedAttentionCase.byName("Case1");
    assertThat(c1.batch()).isEqualTo(256);
    assertThat(c1.numHeads()).isEqualTo(16);
    assertThat(c1.headDim()).isEqualTo(128);
    assertThat(c1.blockSize()).isEqualTo(128);
    assertThat(c1.kvBlocks(0)).isEqualTo(64);
    assertThat(c1.qTile()).isEqualTo(16);
    assertThat(c1.qLoop()).isEqualTo(1);
    assertThat(PagedAttentionCase.byName("Case3").headDim()).isEqualTo(256);
    assertThat(PagedAttentionCase.byName("CaseVarSeq4").contextLens()).containsExactly(33, 64, 128, 15);
    PagedAttentionCase v4 = PagedAttentionCase.byName("CaseVarSeq4");
    assertThat(ImmutableList.of(v4.kvBlocks(0), v4.kvBlocks(1), v4.kvBlocks(2), v4.kvBlocks(3))).containsExactly(3, 4, 8, 1);
    assertThat(PagedAttentionCase.all()).extracting(PagedAttentionCase::name).containsExactly(
        "Case1", "Case2", "Case3", "TinyB1C512", "SmallB1C8192", "MidB16C8192",
        "CaseSmall1", "CaseSmall2", "CaseVarSeq2", "CaseVarSeq4");
    assertThatThrownBy(() -> PagedAttentionCase.byName("Case9"))
        .hasMessage("unknown paged-attention case 'Case9' (known: Case1, Case2, Case3, TinyB1C512, SmallB1C8192, MidB16C8192,"
            + " CaseSmall1, CaseSmall2, CaseVarSeq2, CaseVarSeq4)");
  }

  /** The seed-era shapes of shared/seed-era-runs: 17, 257, 16 x 257 and 256 x 257 tasks. */
  @ParameterizedTest
  @CsvSource({"TinyB1C512, 17", "SmallB1C8192, 257", "MidB16C8192, 4112", "Case1, 65792"})
  void seedEraShapes(String caseName, int tasks) {
    assertThat(program(caseName, Mode.PARTIAL_MANUAL).taskCount()).isEqualTo(tasks);
    assertThat(program(caseName, Mode.AUTO).taskCount()).isEqualTo(tasks);
  }

  @Test
  void manualAndPartialManualAreTwoPrograms() {
    assertThat(program("CaseVarSeq4", Mode.PARTIAL_MANUAL)).isNotEqualTo(program("CaseVarSeq4", Mode.MANUAL));
    assertThat(program("CaseVarSeq4", Mode.MANUAL)).isNotEqualTo(program("CaseVarSeq4", Mode.AUTO));
    assertThat(seed("CaseVarSeq4")).isNotEqualTo(program("CaseVarSeq4", Mode.PARTIAL_MANUAL));
  }

  /** Main's manual scope: MANUAL at depth 1, alloc first; QK->SF, SF->PV, PV->UP, prev UP->UP, alloc->last UP. */
  @Test
  void caseSmall1MainManualScope() {
    var ops = program("CaseSmall1", Mode.MANUAL).ops();
    assertThat(ops.get(0)).isEqualTo(new Op.ScopeBegin(ScopeMode.MANUAL));
    assertThat(ops.get(1)).isInstanceOf(Op.AllocTensors.class);
    assertThat(ops.get(ops.size() - 1)).isEqualTo(new Op.ScopeEnd());
    assertThat(program("CaseSmall1", Mode.MANUAL).explicitDependencies().entries()).extracting(e -> e.getValue() + "->" + e.getKey())
        .containsExactlyInAnyOrder("1->2", "2->3", "3->4", "5->6", "6->7", "7->8", "4->8", "9->10", "10->11", "11->12", "8->12", "0->12");
  }

  /** PR #482: AUTO then MANUAL; the AIV hub first; QK->SF, SF->PV, SF->UP, PV->UP, prev (hub for block 0) ->UP. */
  @Test
  void caseSmall1PartialManualOfPr482() {
    Program p = program("CaseSmall1", Mode.PARTIAL_MANUAL);
    var ops = p.ops();
    assertThat(ops.get(0)).isEqualTo(new Op.ScopeBegin(ScopeMode.AUTO));
    assertThat(ops.get(1)).isEqualTo(new Op.ScopeBegin(ScopeMode.MANUAL));
    assertThat(((Op.Submit) ops.get(2)).kernel()).isEqualTo(Kernels.HUB);
    assertThat(((Op.Submit) ops.get(2)).activeMask()).isEqualTo(CoreMasks.AIV);
    assertThat(p.explicitDependencies().entries()).extracting(e -> e.getValue() + "->" + e.getKey()).containsExactlyInAnyOrder(
        "1->2", "2->3", "2->4", "3->4", "0->4",
        "5->6", "6->7", "6->8", "7->8", "4->8",
        "9->10", "10->11", "10->12", "11->12", "8->12");
  }

  @Test
  void masksAndBlocks() {
    for (Op op : program("CaseSmall2", Mode.AUTO).ops()) {
      if (op instanceof Op.Submit s) {
        int expected = s.kernel().equals("qk") || s.kernel().equals("pv") ? CoreMasks.AIC : CoreMasks.AIV;
        assertThat(s.activeMask()).as(s.kernel()).isEqualTo(expected);
        assertThat(s.blockNum()).isEqualTo(1);
      }
    }
  }

  /**
   * Scope depth (ring = min(depth, 3)) of each task kind, and the largest scope. The program has no
   * scope around its loop: its top level is the executor's outer scope, depth 0. AUTO keeps the
   * alloc task in the batch's scope (depth 1); MANUAL puts it first in the MANUAL scope (depth 2).
   */
  @ParameterizedTest
  @CsvSource({"AUTO, 4, 1", "MANUAL, 33, 2"})
  void allocInTheBatchOrManualScopeComputeOnRingTwo(Mode mode, int largestScope, int allocDepth) {
    Deque<int[]> open = new ArrayDeque<>();
    int largest = 0;
    // MANUAL here is the #495 seed snapshot's graph.
    for (Op op : (mode == Mode.AUTO ? program("CaseSmall2", mode) : seed("CaseSmall2")).ops()) {
      if (op instanceof Op.ScopeBegin) {
        open.push(new int[1]);
      } else if (op instanceof Op.ScopeEnd) {
        largest = Math.max(largest, open.pop()[0]);
      } else {
        if (op instanceof Op.AllocTensors) {
          assertThat(open.size()).isEqualTo(allocDepth);
          assertThat(open.peek()[0]).as("the alloc task is its scope's first").isZero();
        } else if (op instanceof Op.Submit) {
          assertThat(open.size()).isEqualTo(2);
        }
        if (!(op instanceof Op.AddDependency)) {
          open.peek()[0]++;
        }
      }
    }
    // AUTO: one scope per KV block; MANUAL: one scope for the alloc task and all 8 blocks of CaseSmall2.
    assertThat(largest).isEqualTo(largestScope);
  }

  @Test
  void caseSmall1ManualEdges() {
    ImmutableList.Builder<Op.AddDependency> edges = ImmutableList.builder();
    for (Op op : seed("CaseSmall1").ops()) {
      if (op instanceof Op.AddDependency d) {
        edges.add(d);
      }
    }
    // Ids: 0 = alloc_tensors; KV block k: QK 1+4k, SF 2+4k, PV 3+4k, UP 4+4k. UP 0's prev is the alloc (hub).
    assertThat(edges.build()).containsExactly(
        dep(1, 2), dep(2, 3), dep(3, 4), dep(0, 4),
        dep(5, 6), dep(6, 7), dep(7, 8), dep(4, 8),
        dep(9, 10), dep(10, 11), dep(11, 12), dep(8, 12));
  }

  @Test
  void caseSmall1ManualScopeLayout() {
    // The batch's AUTO scope (ring 1), then its MANUAL scope (ring 2) opening with the alloc task (PR
    // #482's hub); no scope of the program's own around them: that is the executor's, which the
    // runtime opens.
    var ops = seed("CaseSmall1").ops();
    assertThat(ops.get(0)).isEqualTo(new Op.ScopeBegin(ScopeMode.AUTO));
    assertThat(ops.get(1)).isEqualTo(new Op.ScopeBegin(ScopeMode.MANUAL));
    assertThat(ops.get(2)).isInstanceOf(Op.AllocTensors.class);
    // AUTO mode is unchanged: the alloc task in the batch's AUTO scope, before the first block's scope.
    var auto = program("CaseSmall1", Mode.AUTO).ops();
    assertThat(auto.get(0)).isEqualTo(new Op.ScopeBegin(ScopeMode.AUTO));
    assertThat(auto.get(1)).isInstanceOf(Op.AllocTensors.class);
    assertThat(auto.get(2)).isEqualTo(new Op.ScopeBegin(ScopeMode.AUTO));
    assertThat(ops.get(ops.size() - 1)).isEqualTo(new Op.ScopeEnd());
    assertThat(ops.get(ops.size() - 2)).isEqualTo(new Op.ScopeEnd());
    assertThat(ops.get(ops.size() - 3)).isInstanceOf(Op.AddDependency.class);
  }

  private static Op.AddDependency dep(long p, long c) {
    return new Op.AddDependency(p, c);
  }

  @Test
  void caseSmall1AutoDiscovery() {
    SortedSetMultimap<Long, Long> expected = TreeMultimap.create();
    for (long k = 0; k < 3; k++) {
      long qk = 1 + 4 * k;
      expected.put(qk + 1, qk); // SF <- QK (creator of sij)
      expected.put(qk + 2, qk + 1); // PV <- SF (creator of pij)
      // UP <- alloc (creator of the accumulators), SF (mi, li), PV (oi_tmp), previous UP (last writer)
      expected.putAll(qk + 3, ImmutableList.of(0L, qk + 1, qk + 2));
      if (k > 0) {
        expected.put(qk + 3, qk - 1);
      }
    }
    assertThat(Discovery.producers(program("CaseSmall1", Mode.AUTO))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"CaseSmall1", "CaseSmall2", "CaseVarSeq2", "CaseVarSeq4"})
  void autoDiscoveryOrdersTasksExactlyAsTheManualEdges(String caseName) {
    SortedSetMultimap<Long, Long> auto = Discovery.producers(program(caseName, Mode.AUTO));
    SortedSetMultimap<Long, Long> manual = Discovery.producers(seed(caseName));
    // Manual producers are a subset: AUTO adds only redundant edges, SF -> UP (SF -> PV -> UP) and
    // alloc -> UP of blocks after the first (alloc -> UP 0 -> ... -> UP).
    assertThat(auto.entries()).containsAll(manual.entries());
    Set<Long> allocs = allocTasks(program(caseName, Mode.AUTO));
    for (Map.Entry<Long, Long> extra : auto.entries()) {
      if (!manual.containsEntry(extra.getKey(), extra.getValue())) {
        assertThat(extra.getKey() - extra.getValue() == 2 || allocs.contains(extra.getValue()))
            .as("extra edge %s", extra).isTrue();
      }
    }
    // Same partial order: identical transitive producer sets.
    assertThat(Discovery.ancestors(auto)).isEqualTo(Discovery.ancestors(manual));
  }

  private static Set<Long> allocTasks(Program p) {
    Set<Long> allocs = new HashSet<>();
    for (Op op : p.ops()) {
      if (op instanceof Op.AllocTensors a) {
        allocs.add(a.task());
      }
    }
    return allocs;
  }

  /** The accumulators are scope-local (their owner is in the MANUAL scope): only UP 0 names the alloc task. */
  @Test
  void caseSmall1ManualProducersNameTheAllocOnlyThroughTheHubEdge() {
    SortedSetMultimap<Long, Long> expected = TreeMultimap.create();
    expected.put(2L, 1L);
    expected.put(3L, 2L);
    expected.putAll(4L, ImmutableList.of(0L, 3L));
    expected.put(6L, 5L);
    expected.put(7L, 6L);
    expected.putAll(8L, ImmutableList.of(4L, 7L));
    expected.put(10L, 9L);
    expected.put(11L, 10L);
    expected.putAll(12L, ImmutableList.of(8L, 11L));
    assertThat(Discovery.producers(seed("CaseSmall1"))).isEqualTo(expected);
  }

  @Test
  void case1AutoDiscoveryAtFullSize() {
    Program p = program("Case1", Mode.AUTO);
    SortedSetMultimap<Long, Long> producers = Discovery.producers(p);
    // Per batch: 64 x (SF 1 + PV 1 + UP 3) + 63 previous-UP edges.
    assertThat(producers.size()).isEqualTo(256 * (64 * 5 + 63));
    Program manual = seed("Case1");
    // Per batch: QK->SF, SF->PV, PV->UP per block, plus prev->UP per block (alloc hub for block 0).
    assertThat(manual.explicitDependencies().size()).isEqualTo(256 * (64 * 3 + 64));
  }
}
