package io.ptosim.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.scheduler.policy.StallPolicies;
import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.runtime.PublishMode;
import io.ptosim.scheduler.workload.PagedAttention;
import io.ptosim.scheduler.workload.PagedAttentionCase;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Paged attention, the seed's workload, runs to completion on the a2a3 profile under every stall
 * policy, with upstream's task counts, the dependency graph upstream's orchestration produces, and
 * no consumer dispatched before its producers completed.
 */
class PagedAttentionScenarioTest {

  static Stream<Arguments> autoCases() {
    Stream.Builder<Arguments> cases = Stream.builder();
    String[][] counts = {{"CaseSmall1", "13"}, {"CaseSmall2", "33"}, {"CaseVarSeq2", "22"}, {"CaseVarSeq4", "68"},
        {"Case2", "32832"}, {"Case3", "32832"}, {"Case1", "65792"}};
    for (String[] c : counts) {
      for (String policy : StallPolicies.names()) {
        cases.add(Arguments.of(c[0], Long.parseLong(c[1]), policy));
      }
    }
    return cases.build();
  }

  @ParameterizedTest(name = "{0} AUTO under {2}: {1} tasks")
  @MethodSource("autoCases")
  void autoCasesCompleteUnderEveryPolicy(String caseName, long tasks, String policy) {
    PagedAttentionCase c = PagedAttentionCase.byName(caseName);
    TracedRun run = TracedRun.of(RunConfig.builder(PagedAttention.program(c, false)).policy(policy)
        .invariantMonitor(true).build());

    assertThat(run.report().outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(run.report().exitCode()).isZero();
    assertThat(run.report().tasks()).isEqualTo(tasks);
    assertThat(run.report().tasksCompleted()).isEqualTo(tasks);
    // AUTO discovery: SF<-QK, PV<-SF, UP<-{SF, PV, alloc} and UP<-previous UP: 6 n_b - 1 per batch.
    assertThat(run.assertProducersCompleteBeforeConsumersDispatch()).isEqualTo(expectedEdges(c, 6, -1));
  }

  static Stream<Arguments> manualCases() {
    return Stream.of("CaseSmall1", "CaseSmall2", "CaseVarSeq2", "CaseVarSeq4")
        .flatMap(c -> Stream.of(Arguments.of(c, PublishMode.INCREMENTAL), Arguments.of(c, PublishMode.DEFERRED)));
  }

  @ParameterizedTest(name = "{0} MANUAL, {1} publish")
  @MethodSource("manualCases")
  void manualCasesCompleteInBothPublishModes(String caseName, PublishMode mode) {
    PagedAttentionCase c = PagedAttentionCase.byName(caseName);
    TracedRun run = TracedRun.of(RunConfig.builder(PagedAttention.program(c, true)).policy(StallPolicies.CHECKER)
        .publishMode(mode).invariantMonitor(true).build());

    assertThat(run.report().outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(run.report().tasksCompleted()).isEqualTo(c.taskCount());
    // Explicit QK->SF, SF->PV, PV->UP and prev->UP (the alloc hub for block 0, else the previous UP):
    // 4 n_b per batch; the accumulators are scope-local, so no creator retention edge.
    assertThat(run.assertProducersCompleteBeforeConsumersDispatch()).isEqualTo(expectedEdges(c, 4, 0));
  }

  /** Per batch {@code perBlock * n_b + extra} edges. */
  private static long expectedEdges(PagedAttentionCase c, int perBlock, int extra) {
    long edges = 0;
    for (int b = 0; b < c.batch(); b++) {
      edges += (long) perBlock * c.kvBlocks(b) + extra;
    }
    return edges;
  }
}
