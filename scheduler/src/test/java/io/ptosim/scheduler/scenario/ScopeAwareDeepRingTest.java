package io.ptosim.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.scheduler.policy.StallResource;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;
import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunConfig;
import org.junit.jupiter.api.Test;

/**
 * #1610's structural rule on ring 3, which every scope of depth 3 or more shares: the cycle is
 * proven when the ring head is the oldest task of any open scope on the ring, whatever its depth.
 * Here the depth-3 scope is empty, the depth-4 scope holds the head (3 tasks) and the depth-5 scope
 * 5 more, so the 8th task of ring 3 (window 8: 7 live at most) never fits; the innermost scope holds
 * only 4 tasks, so #277's pre-check does not fire.
 */
class ScopeAwareDeepRingTest {

  private static Program deepCycle() {
    ProgramBuilder pb = ProgramBuilder.named("ring3-deep-cycle");
    long base = 0x1000_0000L;
    for (int d = 1; d <= 4; d++) {
      pb.scope(ScopeMode.AUTO);
    }
    for (int i = 0; i < 3; i++) {
      pb.submit("short", 0b010, 1, TensorArg.output(base, 64));
      base += 4096;
    }
    pb.scope(ScopeMode.AUTO);
    for (int i = 0; i < 5; i++) {
      pb.submit("short", 0b010, 1, TensorArg.output(base, 64));
      base += 4096;
    }
    for (int d = 1; d <= 5; d++) {
      pb.endScope();
    }
    return pb.build();
  }

  @Test
  void scopeAwareProvesTheCycleWhenADeeperScopeHoldsTheHead() {
    TracedRun run = TracedRun.of(RunConfig.builder(deepCycle()).policy("scope-aware").window(8).invariantMonitor(true).build());

    assertThat(run.report().outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(run.report().exitCode()).isEqualTo(3);
    assertThat(run.report().message()).isEqualTo("FATAL: Task Allocator Deadlock - Task Ring Full! ring=3");
    assertThat(run.report().finding().orElseThrow().verdict()).isEqualTo("SCOPE_CYCLE");
    assertThat(run.report().stalls()).singleElement().satisfies(s -> {
      assertThat(s.ring()).isEqualTo(3);
      assertThat(s.resource()).isEqualTo(StallResource.TASK_RING);
      // At the first check, 1,024 spins (10 ns each on a2a3) into the stall, not after the 500 ms backstop.
      assertThat(run.report().virtualTimeNs()).isEqualTo(s.atNs() + 1024 * 10);
    });
  }

  @Test
  void theCheckerAgreesItIsADeadlock() {
    TracedRun run = TracedRun.of(RunConfig.builder(deepCycle()).policy("checker").window(8).build());

    assertThat(run.report().finding().orElseThrow().verdict()).isEqualTo("REAL_DEADLOCK");
  }
}
