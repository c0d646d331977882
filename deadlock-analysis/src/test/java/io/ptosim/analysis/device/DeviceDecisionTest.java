package io.ptosim.analysis.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.analysis.verdict.AssumptionKind;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.VerdictKind;
import org.junit.jupiter.api.Test;

class DeviceDecisionTest {

  @Test
  void heapRequestLargerThanTheHeapIsACertainDeadlock() throws Exception {
    Verdict v = DeviceFixtures.verdict("main-heap-capacity.log");
    assertThat(v.kind()).isEqualTo(VerdictKind.REAL_DEADLOCK);
    assertThat(v.certain()).isTrue();
    assertThat(v.reason()).isEqualTo("The request can never fit: the orchestrator asks ring 1 for 3072 bytes and"
        + " its whole heap is 1024 bytes, so no reclaim can satisfy it; raise PTO2_RING_HEAP above 1024 (to at least 3072).");
  }

  @Test
  void headPinnedByItsScopeIsACertainDeadlock() throws Exception {
    for (String f : new String[] {"main-heap-gated.log", "main-dep-pool-gated.log", "main-task-ring-gated.log"}) {
      Verdict v = DeviceFixtures.verdict(f);
      assertThat(v.kind()).as(f).isEqualTo(VerdictKind.REAL_DEADLOCK);
      assertThat(v.certain()).as(f).isTrue();
      assertThat(v.reason()).as(f).contains("scope_released=0", "only scope_end releases it");
      assertThat(v.witness()).as(f).hasSize(3);
    }
    assertThat(DeviceFixtures.verdict("main-heap-gated.log").reason())
        .startsWith("The blocked orchestrator waits for the heap of ring 2, whose head task 2:0 (8589934592) (COMPLETED, consumers 1/1)");
  }

  @Test
  void scopeFillingTheWindowIsACertainDeadlockReDerivedFromTheNumbers() throws Exception {
    Verdict v = DeviceFixtures.verdict("main-scope-deadlock.log");
    assertThat(v.kind()).isEqualTo(VerdictKind.REAL_DEADLOCK);
    assertThat(v.certain()).isTrue();
    assertThat(v.reason()).isEqualTo("The scope at depth 3 owns 3 live tasks of ring 2, which holds at most 3"
        + " (window 4); none can retire before scope_end, and the orchestrator must allocate one more in that scope"
        + " first: a cycle of waits that no event can break. Raise PTO2_RING_TASK_WINDOW above 4 (to at least 8)"
        + " or split the scope.");
    Verdict seedEra = DeviceFixtures.verdict("pr482-scope-deadlock.log");
    assertThat(seedEra.kind()).isEqualTo(VerdictKind.REAL_DEADLOCK);
    assertThat(seedEra.certain()).isTrue();
    assertThat(seedEra.reason()).contains("owns 255 live tasks of ring 2", "(to at least 512)");
  }

  @Test
  void completedHeadWithConsumersToGoIsAssumedProgress() throws Exception {
    Verdict v = DeviceFixtures.verdict("main-dep-pool-backstop.log");
    assertThat(v.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
    assertThat(v.certain()).isFalse();
    assertThat(v.assumptions()).extracting(a -> a.kind()).containsExactly(AssumptionKind.CONSUMERS_RUN);
    assertThat(v.assumptions().get(0).releases()).isEqualTo(13130);
    assertThat(v.reason()).contains("2 of 2 consumers still to finish", "13130 tasks are in flight",
        "the ~500 ms backstop fired on a slow host, not a cycle", "PTO2_RING_DEP_POOL");
  }

  @Test
  void olderFormAssumesTheScopeReleaseItDoesNotPrint() throws Exception {
    Verdict v = DeviceFixtures.verdict("older-forms.log");
    assertThat(v.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
    assertThat(v.assumptions()).extracting(a -> a.kind())
        .containsExactly(AssumptionKind.SCOPE_RELEASED, AssumptionKind.CONSUMERS_RUN);
    assertThat(v.reason()).contains("16383 tasks are in flight");
  }

  @Test
  void readyTaskOnAnIdleDeviceIsALostWakeup() throws Exception {
    Verdict v = DeviceFixtures.verdict("stall-dump-ready.log");
    assertThat(v.kind()).isEqualTo(VerdictKind.LOST_WAKEUP);
    assertThat(v.certain()).isTrue();
    assertThat(v.reason()).startsWith("Task 1:5 (4294967301) is READY with its whole fanin (2/2) but every core is idle");
    Verdict hostOnly = DeviceFixtures.verdict("host-scheduler-timeout.log");
    assertThat(hostOnly.kind()).isEqualTo(VerdictKind.LOST_WAKEUP);
    assertThat(hostOnly.assumptions()).extracting(a -> a.kind()).containsExactly(AssumptionKind.DEVICE_IDLE);
  }

  @Test
  void runningKernelIsAssumedToComplete() throws Exception {
    Verdict v = DeviceFixtures.verdict("stall-dump-running.log");
    assertThat(v.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
    assertThat(v.assumptions()).extracting(a -> a.kind()).containsExactly(AssumptionKind.KERNEL_COMPLETES);
  }

  @Test
  void spillPoolWithoutAHeadLineIsAssumedProgress() throws Exception {
    Verdict v = DeviceFixtures.verdict("main-fanin-spill.log");
    assertThat(v.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
    assertThat(v.assumptions()).extracting(a -> a.kind()).containsExactly(AssumptionKind.HEAD_RETIRES);
    assertThat(v.reason()).contains("129 tasks in flight");
  }

  @Test
  void aStallKnownOnlyByItsCodeRestsOnTheRuntimesCheck() throws Exception {
    Verdict scope = DeviceDecision.decide(new DeviceLogReader(java.util.Optional.empty()).read(
        "[ERROR] handle_orchestrator_exit: [scheduler_cold_path.cpp:65] Thread 1: Fatal error (code=1), sending EXIT_SIGNAL\n"));
    assertThat(scope.kind()).isEqualTo(VerdictKind.REAL_DEADLOCK);
    assertThat(scope.assumptions()).extracting(a -> a.kind()).containsExactly(AssumptionKind.RUNTIME_CHECK);
    Verdict pool = DeviceDecision.decide(new DeviceLogReader(java.util.Optional.empty()).read(
        "PTO2 runtime failed: orch_error_code=4 sched_error_code=0 runtime_status=-4\n"));
    assertThat(pool.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
    assertThat(pool.assumptions().get(0).text()).contains("error code 4");
  }

  @Test
  void logsWithoutAStallSayWhatTheyShow() throws Exception {
    Verdict done = DeviceFixtures.verdict("main-completed.log");
    assertThat(done.kind()).isEqualTo(VerdictKind.NO_STALL);
    assertThat(done.reason()).startsWith("No allocator or scheduler stall: the log shows the run completed");
    Verdict fatal = DeviceFixtures.verdict("main-fatal-code.log");
    assertThat(fatal.kind()).isEqualTo(VerdictKind.NO_STALL);
    assertThat(fatal.reason()).contains("a fatal error that is not a stall: code 7",
        "REQUIRE_SYNC_START_INVALID", "require_sync_start block_num=1000 > limit=16");
  }
}
