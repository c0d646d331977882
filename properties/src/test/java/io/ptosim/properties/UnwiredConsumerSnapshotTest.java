package io.ptosim.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.properties.check.CheckerAgreementCheck;
import io.ptosim.properties.run.Observation;
import io.ptosim.properties.run.RunSettings;
import io.ptosim.properties.run.Runs;
import io.ptosim.scheduler.policy.StallPolicies;
import io.ptosim.scheduler.program.ArgDirection;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;
import io.ptosim.scheduler.runtime.PublishMode;
import org.junit.jupiter.api.Test;

/**
 * Regression found by {@code CheckerAgreementProperties} (shrunk by hand): in deferred mode a task
 * of a MANUAL scope that reads a buffer of an earlier, closed scope has that buffer's creator as a
 * producer, but the edge is wired only at its own scope_end. Until then the runtime lets the
 * producer become CONSUMED and retire as soon as it completes. The stall snapshot nevertheless
 * counts the unwired consumer in the producer's fanout ("as wiring will set them"), so the checker
 * concludes that the ring head waits for a task only the blocked orchestrator can publish and
 * reports REAL_DEADLOCK, while patient completes. Fix belongs in the scheduler's SnapshotDump (show
 * the fanout the runtime will actually wait for), not here.
 */
class UnwiredConsumerSnapshotTest {

  /** MANUAL{t0}; MANUAL{t1 reads t0's output, t2, t3}; window 4: t3 stalls while t0 runs. */
  static Program program() {
    ProgramBuilder pb = ProgramBuilder.named("unwired-consumer-snapshot");
    TensorArg out0 = TensorArg.output(0x1000_0000L, 256);
    pb.scope(ScopeMode.MANUAL);
    pb.submit("qk", 1, 1, out0);
    pb.endScope();
    pb.scope(ScopeMode.MANUAL);
    pb.submit("qk", 1, 1, out0.as(ArgDirection.INPUT), TensorArg.output(0x1000_0100L, 256));
    pb.submit("qk", 1, 1, TensorArg.output(0x1000_0200L, 256));
    pb.submit("qk", 1, 1, TensorArg.output(0x1000_0300L, 256));
    pb.endScope();
    return pb.build();
  }

  @Test
  void checkerDoesNotCallAnUnwiredConsumerACycle() {
    RunSettings settings = RunSettings.of("a2a3", 4, PublishMode.DEFERRED);
    Observation patient = Runs.run(program(), settings, StallPolicies.PATIENT);
    Observation checker = Runs.run(program(), settings, StallPolicies.CHECKER);
    assertThat(patient.stalls()).as("the program must stall for the test to mean anything").isNotEmpty();
    assertThat(patient.completed()).as(patient.summary()).isTrue();
    assertThat(CheckerAgreementCheck.problems(checker, patient)).isEmpty();
  }

  /**
   * The same program under pr482, which wires t1's producer outside the scope at the submit: t0 is
   * pinned until scope_end, which waits for t3's slot, which waits for t0 — a real deadlock patient
   * confirms, and the snapshot must show the pinned edge for the checker to agree.
   */
  @Test
  void underPr482TheOutsideProducerIsPinnedAndBothSeeTheDeadlock() {
    RunSettings settings = RunSettings.of("a2a3", 4, PublishMode.DEFERRED).withRuntime("pr482");
    Observation patient = Runs.run(program(), settings, StallPolicies.PATIENT);
    Observation checker = Runs.run(program(), settings, StallPolicies.CHECKER);
    assertThat(patient.is(io.ptosim.scheduler.run.Outcome.QUIESCENT_BLOCKED)).as(patient.summary()).isTrue();
    assertThat(checker.finalVerdict()).hasValue("REAL_DEADLOCK");
    assertThat(CheckerAgreementCheck.problems(checker, patient)).isEmpty();
  }
}
