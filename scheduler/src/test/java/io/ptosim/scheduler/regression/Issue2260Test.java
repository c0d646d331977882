package io.ptosim.scheduler.regression;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.analysis.device.DeviceDecision;
import io.ptosim.analysis.device.DeviceLogReader;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.VerdictKind;
import io.ptosim.scheduler.run.RunReport;
import io.ptosim.scheduler.run.Simulation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** #2260: what the lost deferred completion looks like on main's device log and to the checker. */
class Issue2260Test {
  private static final long WAITER = (1L << 32) | 1;

  private static RunReport run(String label) {
    RegressionRun run = Regressions.byId("issue-2260").runs().stream().filter(r -> r.label().equals(label)).findFirst()
        .orElseThrow();
    return Simulation.run(run.config(), List.of());
  }

  @Test
  void mainsSchedulerTimeoutSeesOneReadyTaskOnAnIdleDevice() throws Exception {
    RunReport r = run("main-6ebaf77, own detector: scheduler timeout");
    assertThat(r.exitCode()).isEqualTo(100);
    assertThat(r.message()).endsWith("TIMEOUT_EXIT after_idle_iterations=86956518 sub_class=S3:ready-but-all-idle"
        + " completed=1/111 running=0 ready=1 waiting=109 orch_done=1 stuck_task_id=-1 stuck_core=-1");
    assertThat(r.deviceLog()).anyMatch(l -> l.endsWith("TASK ring=1 task_id=" + WAITER
        + " state=READY   fanin_refcount=2/2 kernels=[aic:-1 aiv0:defer_wait aiv1:-1]"));
    assertThat(r.deviceLog().stream().filter(l -> l.contains(" CLUSTER "))).isNotEmpty()
        .allMatch(l -> !l.contains("busy"));
    // what `ptosim check` reads off the device log `run --device-log-out` writes: certain, every CLUSTER line idle
    Verdict v = DeviceDecision.decide(new DeviceLogReader(Optional.empty()).read(String.join("\n", r.deviceLog())));
    assertThat(v.kind()).isEqualTo(VerdictKind.LOST_WAKEUP);
    assertThat(v.assumptions()).isEmpty();
    assertThat(v.reason()).startsWith("Task 1:1 (" + WAITER + ") is READY with its whole fanin (2/2) but every core is idle")
        .contains("deferred-completion task that already ran (#2260)");
  }

  @Test
  void theCheckerNamesTheWaiterWhoseCompletionWasNeverRecorded() {
    RunReport r = run("window 16, checker");
    assertThat(r.exitCode()).isEqualTo(3);
    String lost = "task " + WAITER + " is RUNNING with fanin 2/2 and all its blocks done (1/1): it is on no core and in"
        + " no ready queue, yet its completion was never recorded, and no pending event names it";
    assertThat(r.finding().orElseThrow().reason()).isEqualTo("ring 1 head task 4294967296 will not be retired although"
        + " the rules allow progress: " + lost + ".");
    assertThat(r.finding().orElseThrow().witness().orElseThrow()).isEqualTo(String.join("\n",
        "orchestrator blocked on task_ring of ring 1 waits for ring 1 head task 4294967296 to be retired",
        "ring 1 head task 4294967296 (COMPLETED, fanout 1/2) waits for consumer task " + WAITER + " (RUNNING) to complete",
        "task " + WAITER + " (RUNNING, fanin 2/2) waits for its due completion (all 1 block(s) done) transition",
        lost));
    // the snapshot shows it: all blocks done, no ready(local) evidence, nothing pending
    var snapshot = r.finalSnapshot().orElseThrow();
    assertThat(snapshot.pending().orElseThrow()).isEmpty();
    assertThat(snapshot.evidence()).noneMatch(e -> e.task() == WAITER);
  }

  @Test
  void theSwitchChangesNothingInAProgramWithoutADeferredCompletionTask() {
    var program = io.ptosim.scheduler.workload.Workloads.byName("slow-head").program(
        io.ptosim.scheduler.workload.WorkloadParams.defaults().withWindow(16));
    var clean = io.ptosim.scheduler.run.RunConfig.builder(program).window(16).policy("patient");
    RunReport without = Simulation.run(clean.build(), List.of());
    RunReport with = Simulation.run(clean.fault(io.ptosim.scheduler.fault.Fault.LOST_DEFERRED_COMPLETION).build(), List.of());
    assertThat(with.outcome()).isEqualTo(io.ptosim.scheduler.run.Outcome.COMPLETED);
    assertThat(with.traceHash()).isEqualTo(without.traceHash());
  }

  /** The thread's S3 and TASK lines (prefix and task id filled in from its JOURNEY lines), without CLUSTER lines. */
  @Test
  void theThreadsStallLinesReadAsALostWakeupAssumingTheIdleDeviceTheSubClassStates() throws Exception {
    String log = String.join("\n",
        "[STALL thread=0 idle_iterations=1000] TIMEOUT_EXIT after_idle_iterations=1000 sub_class=S3:ready-but-all-idle"
            + " completed=4969/15717 running=0 ready=1 waiting=109 orch_done=0 stuck_task_id=-1 stuck_core=-1",
        "[STALL thread=0 idle_iterations=1000] TASK ring=3 task_id=12884902239 state=READY fanin_refcount=2/2"
            + " kernels=[aic:-1 aiv0:332 aiv1:-1]");
    Verdict v = DeviceDecision.decide(new DeviceLogReader(Optional.empty()).read(log));
    assertThat(v.kind()).isEqualTo(VerdictKind.LOST_WAKEUP);
    assertThat(v.assumptions()).singleElement().satisfies(a -> assertThat(a.kind().name()).isEqualTo("DEVICE_IDLE"));
    assertThat(v.witness().stream().map(w -> w.text())).containsExactly(
        "every core is idle, as sub_class S3:ready-but-all-idle says",
        "task 3:351 (12884902239) is READY, fanin 2/2 (line 2)");
  }
}
