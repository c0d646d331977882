package io.ptosim.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.analysis.StallChecker;
import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.TaskRecord;
import io.ptosim.analysis.snapshot.TaskState;
import io.ptosim.analysis.snapshot.WaitResource;
import io.ptosim.analysis.text.SnapshotPrinter;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.VerdictKind;
import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.runtime.TaskIds;
import io.ptosim.scheduler.workload.WorkloadParams;
import io.ptosim.scheduler.workload.Workloads;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Upstream #277: one scope (depth 1, ring 1) submits window = 64 tasks; window - 1 = 63 fit, none
 * can be CONSUMED before the scope ends, and the orchestrator blocks on the 64th (scope_begin
 * 100 ns + 63 submits of 400 ns + 400 ns = 25,700 ns): a real cycle.
 */
class Issue277ScopeOverflowTest {
  private static final long HEAD = TaskIds.of(1, 0);
  private static final long STALL_NS = 25_700;

  private static RunConfig config(String policy) {
    return RunConfig.builder(Workloads.byName("scope-overflow").program(WorkloadParams.defaults().withWindow(64)))
        .policy(policy).window(64).invariantMonitor(true).build();
  }

  @Test
  void legacyFailsTheSeedRuntimesPreCheckWithoutSpinning() {
    // The seed runtime already had #277's pto2_check_scope_can_accept_task: the 64th submit finds
    // its scope holding window - 1 = 63 tasks and fails with code 1 before allocating.
    TracedRun run = TracedRun.of(config("legacy"));

    assertThat(run.report().outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(run.report().exitCode()).isEqualTo(1);
    assertThat(run.report().message()).isEqualTo("FATAL: Scope Deadlock Detected! (ring 1)");
    assertThat(run.report().virtualTimeNs()).isEqualTo(STALL_NS);
    assertThat(run.report().stalls()).isEmpty();
    assertThat(run.report().finding().orElseThrow().verdict()).isEqualTo("SCOPE_DEADLOCK");
    // The dump of that instant: the orchestrator stopped at the submit into scope 1, which needs a slot of ring 1.
    assertThat(run.finalSnapshot().orchestrator())
        .isEqualTo(new OrchestratorState.Blocked(WaitResource.TASK_RING, 1, 0, OptionalLong.of(1)));
    TaskRecord head = run.task(HEAD);
    assertThat(head.state()).isEqualTo(TaskState.COMPLETED);
    assertThat(head.fanout().toString()).isEqualTo("0/1");
    assertThat(run.finalSnapshot().ring(1).orElseThrow().liveCount()).isEqualTo(63);
  }

  @Test
  void patientEndsQuiescentBlocked() {
    TracedRun run = TracedRun.of(config("patient"));

    assertThat(run.report().outcome()).isEqualTo(Outcome.QUIESCENT_BLOCKED);
    assertThat(run.report().exitCode()).isEqualTo(100);
    assertThat(run.report().tasksCompleted()).isEqualTo(63);
    assertThat(run.report().virtualTimeNs()).isEqualTo(28_285);
    assertThat(run.report().finding().orElseThrow().verdict()).isEqualTo("QUIESCENT");
    assertThat(run.finalSnapshot().orchestrator()).isEqualTo(new OrchestratorState.Blocked(WaitResource.TASK_RING, 1));
    // The stall dump in main's device text: what its allocator would print were it to give up here.
    assertThat(run.report().deviceLog()).contains(
        "[ERROR] report_deadlock: FATAL: Task Allocator Deadlock - Task Ring Full! ring=1",
        "[ERROR] report_deadlock:   Task ring 1: current=63, last_alive=0, active=63/64 (98.4%)",
        "[ERROR] report_deadlock:   Head task 0: state=1, consumers=0/0, scope_released=0");
  }

  @Test
  void scopeAwareFailsThePreCheckWithoutSpinning() {
    TracedRun run = TracedRun.of(config("scope-aware"));

    assertThat(run.report().outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(run.report().exitCode()).isEqualTo(1);
    assertThat(run.report().message()).isEqualTo("FATAL: Scope Deadlock Detected! (ring 1)");
    assertThat(run.report().virtualTimeNs()).isEqualTo(STALL_NS);
    assertThat(run.report().stalls()).isEmpty();
    assertThat(run.report().finding().orElseThrow().verdict()).isEqualTo("SCOPE_DEADLOCK");
    // check_scope_can_accept_task's report, as main's device log prints it.
    assertThat(run.report().deviceLog()).contains(
        "[ERROR] check_scope_can_accept_task: FATAL: Scope Deadlock Detected! (ring 1)",
        "[ERROR] check_scope_can_accept_task: Tasks in current scope (63) >= task_window_size (64).",
        "[ERROR] check_scope_can_accept_task:   scope_depth:        2",
        "[ERROR] check_scope_can_accept_task:   active_tasks:       63 / 64");
    // The checker on the full snapshot of that instant agrees with the device's report (the scope-capacity rule).
    assertThat(SnapshotPrinter.print(run.finalSnapshot())).contains("orchestrator=blocked waiting=task_ring ring=1 scope=1\n");
    Verdict verdict = new StallChecker(run.finalSnapshot()).verdict();
    assertThat(verdict.kind()).isEqualTo(VerdictKind.REAL_DEADLOCK);
    assertThat(verdict.certain()).isTrue();
    assertThat(verdict.reason()).isEqualTo("Scope 1 owns 63 live tasks of ring 1, which holds at most 63 (window 64);"
        + " none retires before scope_end, and the blocked orchestrator must submit one more task in that scope first:"
        + " no slot can ever free (capacity). Raise PTO2_RING_TASK_WINDOW above 64 (to at least 128) or split the scope.");
  }

  @Test
  void checkerCallsItARealDeadlockAtTheStall() {
    TracedRun run = TracedRun.of(config("checker"));

    assertThat(run.report().outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(run.report().exitCode()).isEqualTo(3);
    assertThat(run.report().virtualTimeNs()).isEqualTo(STALL_NS);
    assertThat(run.report().finding().orElseThrow().verdict()).isEqualTo("REAL_DEADLOCK");
    assertThat(run.report().finding().orElseThrow().witness().orElseThrow()).contains("scope 1 end");
  }
}
