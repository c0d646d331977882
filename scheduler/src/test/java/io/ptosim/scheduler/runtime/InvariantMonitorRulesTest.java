package io.ptosim.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableSet;
import io.ptosim.scheduler.version.RuntimeVersions;
import io.ptosim.des.kernel.EventLabel;
import io.ptosim.des.kernel.RunLimits;
import io.ptosim.des.kernel.SimEventException;
import io.ptosim.des.kernel.SimKernel;
import io.ptosim.des.kernel.StopReason;
import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.des.trace.TraceRecorder;
import io.ptosim.scheduler.policy.StallPolicies;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The monitor's CONSUMED and retire rules check facts of their own, not the condition of the code
 * that calls them: each test drives the monitor on a deliberately inconsistent runtime state and
 * sees it fire (a correct run never gets there; see {@link InvariantMonitorTest} for the faults).
 */
class InvariantMonitorRulesTest {
  private SimKernel kernel;

  @AfterEach
  void close() {
    if (kernel != null) {
      kernel.close();
    }
  }

  /** AUTO{ t0 long -> X; t1 reads X; t2 .. t9 } on ring 1: t1 is on t0's fanout list. */
  private static Program program() {
    ProgramBuilder pb = ProgramBuilder.named("monitor-rules");
    pb.scope(ScopeMode.AUTO);
    TensorArg x = TensorArg.output(0x1000_0000L, 256);
    pb.submit("long", 0b001, 1, x);
    pb.submit("short", 0b010, 1, TensorArg.input(x.base(), 0, 256), TensorArg.output(0x2000_0000L, 256));
    for (int i = 0; i < 8; i++) {
      pb.submit("short", 0b010, 1, TensorArg.output(0x3000_0000L + 4096L * i, 256));
    }
    return pb.endScope().build();
  }

  /** A runtime with the monitor on, run until {@code untilNs} (or to the end). */
  private DeviceRuntime runUntil(long untilNs) {
    kernel = new SimKernel();
    RuntimeSetup setup = new RuntimeSetup(program(), RuntimeVersions.main(), PlatformProfiles.a2a3(), StallPolicies.byName("patient"),
        PublishMode.INCREMENTAL, RingConfig.defaults(), ImmutableSet.of(), true);
    DeviceRuntime rt = DeviceRuntime.create(setup, kernel, new TraceRecorder());
    rt.start();
    kernel.run(RunLimits.DEFAULT.withMaxTimeNs(untilNs));
    return rt;
  }

  /** Runs {@code check} on the monitor inside an event, as the runtime does, and returns what it threw. */
  private Throwable inEvent(DeviceRuntime rt, Consumer<InvariantMonitor> check) {
    kernel.scheduleAt(kernel.now(), 0, EventLabel.of("test"), () -> check.accept(rt.monitor));
    try {
      assertThat(kernel.run(RunLimits.DEFAULT).reason()).isIn(StopReason.QUIESCENT, StopReason.STOPPED);
      return null;
    } catch (SimEventException e) {
      return e.getCause();
    }
  }

  @Test
  void consumedFiresWhenAConsumerOnTheFanoutListHasNotCompleted() {
    DeviceRuntime rt = runUntil(RunLimits.MAX_TIME_NS);
    TaskTable t = rt.tasks;
    assertThat(t.state[0]).isEqualTo(TaskTable.CONSUMED);
    assertThat(t.consumers.first(0)).isNotEqualTo(LinkedIntLists.END);
    // The fanout counter says 2/2, but the consumer on the list is still running.
    t.state[1] = TaskTable.RUNNING;

    assertThat(inEvent(rt, m -> m.consumed(0))).isInstanceOf(InvariantViolation.class)
        .hasMessageContaining("task " + TaskIds.of(1, 0) + ": CONSUMED while its consumer " + TaskIds.of(1, 1)
            + " is RUNNING (fanout 2/2)");
  }

  @Test
  void consumedFiresWhileTheTasksScopeIsOpen() {
    // 100 ns scope_begin + 10 submits of 400 ns: at 1,000 ns t0 and t1 exist, the scope is open.
    DeviceRuntime rt = runUntil(1_000);
    TaskTable t = rt.tasks;
    assertThat(t.size).isEqualTo(2);
    // A task without consumers whose counter was (wrongly) completed.
    t.fanoutDone[1] = t.fanoutTotal[1];

    assertThat(inEvent(rt, m -> m.consumed(1))).isInstanceOf(InvariantViolation.class)
        .hasMessageContaining("task " + TaskIds.of(1, 1) + ": CONSUMED while its scope 1 is still open (fanout 1/1)");
  }

  @Test
  void retireFiresOnASkippedSlot() {
    DeviceRuntime rt = runUntil(1_000);
    TaskTable t = rt.tasks;
    // The advance loop would only retire the CONSUMED task at last_alive; a retire of local id 1
    // while 0 is live skips a slot.
    t.state[1] = TaskTable.CONSUMED;

    assertThat(inEvent(rt, m -> m.retire(1))).isInstanceOf(InvariantViolation.class)
        .hasMessageContaining("retired out of order: ring 1 local id 1, but the next to retire is 0");
  }

  @Test
  void retireFiresOnARepeatedSlot() {
    DeviceRuntime rt = runUntil(RunLimits.MAX_TIME_NS);
    assertThat(rt.rings[1].lastAlive).isEqualTo(10);

    assertThat(inEvent(rt, m -> m.retire(0))).isInstanceOf(InvariantViolation.class)
        .hasMessageContaining("retired out of order: ring 1 local id 0, but the next to retire is 10");
  }

  @Test
  void retireFiresWhenTheHeapTailWouldJump() {
    DeviceRuntime rt = runUntil(1_000);
    TaskTable t = rt.tasks;
    t.state[0] = TaskTable.CONSUMED;
    t.heapStart[0] = 128;

    assertThat(inEvent(rt, m -> m.retire(0))).isInstanceOf(InvariantViolation.class)
        .hasMessageContaining("heap tail would jump: ring 1 tail at 0, but the retired task's outputs start at 128");
  }

  @Test
  void retireFiresOnATaskThatIsNotConsumed() {
    DeviceRuntime rt = runUntil(1_000);

    assertThat(inEvent(rt, m -> m.retire(0))).isInstanceOf(InvariantViolation.class)
        .hasMessageContaining("retired in state");
  }

  @Test
  void aConsistentRunPassesEveryCheck() {
    DeviceRuntime rt = runUntil(RunLimits.MAX_TIME_NS);
    assertThat(rt.tasksCompleted()).isEqualTo(10);
    assertThat(rt.rings[1].lastAlive).isEqualTo(10);
  }
}
