package io.ptosim.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.workload.PagedAttention;
import io.ptosim.scheduler.workload.PagedAttentionCase;
import io.ptosim.scheduler.workload.WorkloadParams;
import io.ptosim.scheduler.workload.Workloads;
import org.junit.jupiter.api.Test;

/**
 * Upstream #1086 and #1468: slow but real progress that the legacy spin budget (1 ms here) takes for
 * a deadlock, and that a larger window or a patient policy clears.
 */
class Issue1086SlowProgressTest {

  private static RunConfig.Builder small2(String policy, long window) {
    return RunConfig.builder(PagedAttention.program(PagedAttentionCase.byName("CaseSmall2"), false))
        .platform(PlatformProfiles.a2a3simFastSpin()).policy(policy).window(window).invariantMonitor(true);
  }

  /** CaseSmall2 AUTO on a2a3sim: 32 tasks on ring 2; a window of 16 holds 15. */
  @Test
  void legacyAbortsOnSlowProgressThatAWindowOf64OrPatienceClears() {
    TracedRun legacy = TracedRun.of(small2("legacy", 16).build());
    assertThat(legacy.report().outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(legacy.report().message()).isEqualTo("FATAL: Task Allocator Deadlock - Task Ring Full!");
    assertThat(legacy.report().stalls()).singleElement().satisfies(s -> assertThat(s.atNs()).isEqualTo(38_000));
    assertThat(legacy.report().virtualTimeNs()).isEqualTo(1_038_000);
    assertThat(legacy.report().tasksCompleted()).isEqualTo(1);

    TracedRun patient = TracedRun.of(small2("patient", 16).build());
    assertThat(patient.report().outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(patient.report().tasksCompleted()).isEqualTo(33);
    assertThat(patient.report().virtualTimeNs()).isEqualTo(16_028_275);
    assertThat(patient.report().stalls()).hasSize(6).allSatisfy(s -> assertThat(s.resumed()).isTrue());

    TracedRun wide = TracedRun.of(small2("legacy", 64).build());
    assertThat(wide.report().outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(wide.report().stalls()).isEmpty();
  }

  /** slow-head on a2a3: a 5 ms kernel holds ring 1's head while 127 short tasks want its 63 slots. */
  @Test
  void aLongHeadKernelIsNotADeadlock() {
    var program = Workloads.byName("slow-head").program(WorkloadParams.defaults().withWindow(64));

    TracedRun legacy = TracedRun.of(RunConfig.builder(program).policy("legacy").window(64).build());
    assertThat(legacy.report().outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(legacy.report().virtualTimeNs()).isEqualTo(1_038_300);

    for (String policy : new String[] {"scope-aware", "patient", "checker"}) {
      TracedRun run = TracedRun.of(RunConfig.builder(program).policy(policy).window(64).build());
      assertThat(run.report().outcome()).as(policy).isEqualTo(Outcome.COMPLETED);
      assertThat(run.report().virtualTimeNs()).as(policy).isEqualTo(5_043_025);
      assertThat(run.report().stalls()).as(policy).singleElement().satisfies(s -> assertThat(s.resumed()).isTrue());
    }

    TracedRun wide = TracedRun.of(RunConfig.builder(program).policy("legacy").window(256).build());
    assertThat(wide.report().outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(wide.report().stalls()).isEmpty();
  }
}
