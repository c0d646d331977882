package io.ptosim.scheduler.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.scheduler.fault.Fault;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.TensorArg;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.run.RunReport;
import io.ptosim.scheduler.run.Simulation;
import io.ptosim.scheduler.version.sched.AsyncCompletionAtMain;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The deferred-completion capacities of main at 6ebaf77 (AsyncCompletionAtMain): a subtask's slab of
 * 64 conditions (one more: code 102, latched when its finish is collected, before the task
 * completes), a task's wait entry of 64 (one more: 103), a wait list of 64 tasks (one more: 102);
 * and pr482, which has no deferred completion and refuses such a program before the run.
 */
class AsyncCompletionTest {
  private static final int AIV = 0b010;
  private static final String EXECUTOR_102 = "[ERROR] aicpu_execute: aicpu_execute: PTO2 runtime failed with rc=-102";

  private static Program oneTask(int conditions, int mask, int blocks) {
    ProgramBuilder b = ProgramBuilder.named("async/" + conditions);
    b.submitRegistering(conditions, "short", mask, blocks, TensorArg.output(0x1000_0000L, 4));
    return b.build();
  }

  private static RunConfig.Builder main(Program p) {
    return RunConfig.builder(p).runtime(RuntimeVersions.main()).platform(PlatformProfiles.a2a3sim());
  }

  private static RunReport run(RunConfig.Builder b) {
    return Simulation.run(b.build(), List.of());
  }

  @Test
  void theSixtyFifthConditionOfOneKernelOverflowsItsSlabAndTheTaskNeverCompletes() {
    RunReport r = run(main(oneTask(AsyncCompletionAtMain.MAX_COMPLETIONS_PER_TASK + 1, AIV, 1)));
    assertThat(r.exitCode()).isEqualTo(102);
    assertThat(r.message()).isEqualTo("ASYNC_WAIT_OVERFLOW: task 0 block 0 on AIV0: its kernel registered 65 completion"
        + " conditions, past the 64 its deferred slab holds");
    assertThat(r.deviceLog()).containsExactly(EXECUTOR_102);
    assertThat(r.tasksCompleted()).isZero();
  }

  @Test
  void sixtyFourConditionsFitTheSlabAndTheTaskCompletesAtTheNextPoll() {
    RunReport r = run(main(oneTask(AsyncCompletionAtMain.MAX_COMPLETIONS_PER_TASK, AIV, 1)));
    assertThat(r.exitCode()).isZero();
    assertThat(r.tasksCompleted()).isEqualTo(1);
  }

  @Test
  void aTasksSubtasksShareOneWaitEntryOfSixtyFourConditions() {
    // two AIV blocks of 32 fill the entry exactly; of 33, the second block's 33rd condition is the 65th
    assertThat(run(main(oneTask(32, AIV, 2))).exitCode()).isZero();
    RunReport r = run(main(oneTask(33, AIV, 2)));
    assertThat(r.exitCode()).isEqualTo(103);
    assertThat(r.message()).isEqualTo("ASYNC_REGISTRATION_FAILED: task 0 block 1 on AIV1: its task's subtasks"
        + " registered 66 completion conditions, past the 64 its async wait entry holds");
    assertThat(r.deviceLog()).containsExactly("[ERROR] aicpu_execute: aicpu_execute: PTO2 runtime failed with rc=-103");
    // a MIX block is three subtasks, each with its own slab, all in the task's one entry: 3 x 22 = 66
    assertThat(run(main(oneTask(21, 0b111, 1))).exitCode()).isZero();
    assertThat(run(main(oneTask(22, 0b111, 1))).exitCode()).isEqualTo(103);
  }

  @Test
  void lostHandOffsKeepTheirWaitEntriesUntilTheListOfSixtyFourOverflows() {
    // #2260's fault: the finished waiter is never handed over, so its entry (its condition) stays in the list
    ProgramBuilder b = ProgramBuilder.named("lost-waiters");
    for (int i = 0; i <= AsyncCompletionAtMain.MAX_ASYNC_WAITS; i++) {
      b.submit("defer_wait", AIV, 1, TensorArg.output(0x1000_0000L + 64L * i, 4));
    }
    RunReport r = run(main(b.build()).faults(com.google.common.collect.ImmutableSet.of(Fault.LOST_DEFERRED_COMPLETION)));
    assertThat(r.exitCode()).isEqualTo(102);
    assertThat(r.message()).isEqualTo("ASYNC_WAIT_OVERFLOW: task 64 block 0 on AIV0: the async wait list already holds"
        + " 64 tasks with completion conditions in flight");
    assertThat(r.tasksCompleted()).isZero();
    assertThat(r.deviceLog()).containsExactly(EXECUTOR_102);
    // without the fault every waiter completes at the poll after its finish: the list never fills
    assertThat(run(main(b.build())).tasksCompleted()).isEqualTo(65);
  }

  @Test
  void pr482HasNoDeferredCompletionAndRefusesTheProgramBeforeTheRun() {
    String why = "runtime pr482 (01d0723) has no deferred completion (no register_completion_condition, no async wait"
        + " list): a kernel registering completion conditions does not build there";
    assertThatThrownBy(() -> RunConfig.builder(oneTask(65, AIV, 1)).runtime(RuntimeVersions.pr482()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("op 0: (submit completion_conditions 65) " + why);
    ProgramBuilder waiter = ProgramBuilder.named("waiter");
    waiter.submit("short", AIV, 1, TensorArg.output(0x1000_0000L, 4));
    waiter.submit("defer_wait", AIV, 1, TensorArg.input(0x1000_0000L, 0, 4));
    assertThatThrownBy(() -> RunConfig.builder(waiter.build()).runtime(RuntimeVersions.pr482()).build())
        .hasMessage("op 1: (submit kernel 'defer_wait') " + why);
    // none registered: the program runs there
    assertThat(Simulation.run(RunConfig.builder(oneTask(0, AIV, 1)).runtime(RuntimeVersions.pr482()).build(), List.of())
        .exitCode()).isZero();
  }

  /** A MIX task whose AIV0 core alone runs the waiter: only that subtask registers a condition. */
  @Test
  void aWaiterOnOneCoreOfAMixTaskDefersItsCompletionAndOnlyThatCoreCounts() {
    ProgramBuilder b = ProgramBuilder.named("mix-waiter");
    b.submitPerCore("mix", 0b011, 1, List.of("qk", "defer_wait", ""), TensorArg.output(0x1000_0000L, 4));
    Program waiter = b.build();
    ProgramBuilder c = ProgramBuilder.named("mix-labelled-waiter");
    c.submitPerCore("defer_wait", 0b011, 1, List.of("qk", "sf", ""), TensorArg.output(0x1000_0000L, 4));
    Program labelled = c.build();

    assertThat(run(main(waiter)).tasksCompleted()).isEqualTo(1);
    assertThat(run(main(waiter).fault(Fault.LOST_DEFERRED_COMPLETION)).tasksCompleted()).isZero();
    assertThat(run(main(labelled).fault(Fault.LOST_DEFERRED_COMPLETION)).tasksCompleted()).isEqualTo(1);
    assertThatThrownBy(() -> RunConfig.builder(waiter).runtime(RuntimeVersions.pr482()).build())
        .hasMessageStartingWith("op 0: (submit kernel 'defer_wait') runtime pr482 (01d0723) has no deferred completion");
    assertThat(Simulation.run(RunConfig.builder(labelled).runtime(RuntimeVersions.pr482()).build(), List.of())
        .exitCode()).isZero();
  }
}
