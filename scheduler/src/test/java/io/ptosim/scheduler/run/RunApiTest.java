package io.ptosim.scheduler.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import io.ptosim.des.kernel.RunLimits;
import io.ptosim.des.kernel.TieBreak;
import io.ptosim.des.trace.MemoryTrace;
import io.ptosim.scheduler.fault.Fault;
import io.ptosim.scheduler.program.Op;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.runtime.PublishMode;
import io.ptosim.scheduler.runtime.RingConfig;
import io.ptosim.scheduler.workload.PagedAttention;
import io.ptosim.scheduler.workload.PagedAttentionCase;
import java.util.List;
import io.ptosim.scheduler.version.RuntimeVersions;
import org.junit.jupiter.api.Test;

/** The run API the CLI calls: config defaults and checks, and what a report says. */
class RunApiTest {
  private static final Program SMALL = PagedAttention.program(PagedAttentionCase.byName("CaseSmall1"), false);

  @Test
  void defaultsAreUpstreamsRuntimeOnTheHardwareProfile() {
    RunConfig c = RunConfig.defaults(SMALL);
    assertThat(c.platform().name()).isEqualTo("a2a3");
    assertThat(c.runtime().name()).isEqualTo("main-6ebaf77");
    assertThat(c.policy()).isEqualTo("scope-aware");
    RunConfig seed = RunConfig.builder(SMALL).runtime(RuntimeVersions.pr482()).build();
    assertThat(seed.policy()).isEqualTo("legacy");
    assertThat(seed.toBuilder().policy("patient").build().policy()).isEqualTo("patient");
    assertThat(c.publishMode()).isEqualTo(PublishMode.INCREMENTAL);
    assertThat(c.rings()).isEqualTo(RingConfig.defaults());
    assertThat(c.faults()).isEmpty();
    assertThat(c.tieBreak()).isEqualTo(TieBreak.fifo());
    assertThat(c.limits()).isEqualTo(RunLimits.DEFAULT);
    assertThat(c.invariantMonitor()).isFalse();
    assertThat(c.toBuilder().build()).isEqualTo(c);
    assertThat(c.withPolicy("patient").policy()).isEqualTo("patient");
    assertThat(Fault.byName("lost-advance")).isEqualTo(Fault.LOST_ADVANCE);
    assertThat(PublishMode.parse("deferred")).isEqualTo(PublishMode.DEFERRED);
  }

  @Test
  void unknownPoliciesAndInvalidProgramsAreRejectedAtTheBoundary() {
    assertThatThrownBy(() -> RunConfig.builder(SMALL).policy("hopeful").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown stall policy 'hopeful'");
    Program unclosed = new Program("unclosed", ImmutableList.of(new Op.ScopeBegin(ScopeMode.AUTO)));
    assertThatThrownBy(() -> Simulation.run(RunConfig.defaults(unclosed), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("program 'unclosed'");
  }

  @Test
  void aCompletedRunReportsItsCountsAndItsTrace() {
    MemoryTrace trace = new MemoryTrace();
    RunReport r = Simulation.run(RunConfig.defaults(SMALL), List.of(trace));

    assertThat(r.completed()).isTrue();
    assertThat(r.exitCode()).isZero();
    assertThat(r.message()).isEqualTo("completed 13 tasks in 22735 ns");
    assertThat(r.tasks()).isEqualTo(13);
    assertThat(r.events()).isEqualTo(trace.lines().size());
    assertThat(r.kernelEvents()).isPositive();
    assertThat(r.virtualTimeNs()).isEqualTo(22_735);
    assertThat(r.traceHash()).hasSize(64);
    assertThat(r.stalls()).isEmpty();
    assertThat(r.finalSnapshot()).isEmpty();
    assertThat(r.finalSnapshotText()).isEmpty();
  }

  @Test
  void aRunOutOfBudgetSaysSo() {
    RunReport r = Simulation.run(RunConfig.builder(SMALL).limits(RunLimits.DEFAULT.withMaxEvents(20)).build(), List.of());

    assertThat(r.outcome()).isEqualTo(Outcome.BUDGET_EXHAUSTED);
    assertThat(r.exitCode()).isEqualTo(RunReport.BUDGET_CODE);
    assertThat(r.kernelEvents()).isEqualTo(20);
    assertThat(r.message()).startsWith("event budget reached after 20 events");
  }
}
