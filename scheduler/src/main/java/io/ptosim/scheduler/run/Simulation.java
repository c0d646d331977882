package io.ptosim.scheduler.run;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.ptosim.des.kernel.RunResult;
import io.ptosim.des.kernel.SimEventException;
import io.ptosim.des.kernel.SimKernel;
import io.ptosim.des.kernel.StopReason;
import io.ptosim.des.trace.TraceRecorder;
import io.ptosim.des.trace.TraceSink;
import io.ptosim.scheduler.policy.StallPolicies;
import io.ptosim.scheduler.policy.StallPolicy;
import io.ptosim.scheduler.program.ProgramException;
import io.ptosim.scheduler.program.ProgramValidator;
import io.ptosim.scheduler.runtime.DeviceRuntime;
import io.ptosim.scheduler.runtime.InvariantViolation;
import io.ptosim.scheduler.runtime.RuntimeSetup;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Runs one program on the virtual device: the entry point of the CLI, the tests and the benchmarks. */
public final class Simulation {

  private Simulation() {}

  /**
   * Validates the program, runs it to its end (completed, aborted, quiescent, or out of budget) and
   * reports. {@code sinks} receive every trace event.
   *
   * @throws IllegalArgumentException when the program is invalid
   * @throws InvariantViolation when the invariant monitor is on and the runtime broke a rule
   */
  public static RunReport run(RunConfig config, List<? extends TraceSink> sinks) {
    return run(config, UnaryOperator.identity(), sinks);
  }

  /**
   * {@link #run(RunConfig, List)} with the policy the config names wrapped by {@code decorate},
   * e.g. to observe every stall the policy judges; the wrapper must delegate every decision.
   */
  public static RunReport run(RunConfig config, UnaryOperator<StallPolicy> decorate, List<? extends TraceSink> sinks) {
    Preconditions.checkNotNull(config, "config");
    Preconditions.checkNotNull(decorate, "decorate");
    Preconditions.checkNotNull(sinks, "sinks");
    try {
      ProgramValidator.validate(config.program());
    } catch (ProgramException e) {
      throw new IllegalArgumentException("program '" + config.program().name() + "': " + e.getMessage(), e);
    }
    RuntimeSetup setup = new RuntimeSetup(config.program(), config.runtime(), config.platform(),
        decorate.apply(StallPolicies.byName(config.policy())),
        config.publishMode(), config.rings(), config.faults(), config.invariantMonitor());
    try (SimKernel kernel = new SimKernel(config.tieBreak())) {
      TraceRecorder trace = new TraceRecorder(sinks);
      DeviceRuntime runtime = DeviceRuntime.create(setup, kernel, trace);
      RunResult result;
      try {
        runtime.start();
        result = kernel.run(config.limits());
        // idle scheduler threads still spin: their timeouts may be due before the run is judged quiescent
        while (result.reason() == StopReason.QUIESCENT && runtime.resumeOnQuiescent()) {
          result = kernel.run(config.limits());
        }
        if (result.reason() == StopReason.QUIESCENT) {
          runtime.onQuiescent();
        }
      } catch (SimEventException e) {
        if (e.getCause() instanceof InvariantViolation v) {
          trace.finish(kernel.now());
          throw v;
        }
        throw e;
      } catch (InvariantViolation v) {
        trace.finish(kernel.now());
        throw v;
      }
      return report(config, runtime, kernel, trace, result);
    }
  }

  private static RunReport report(RunConfig config, DeviceRuntime rt, SimKernel kernel, TraceRecorder trace,
      RunResult result) {
    long now = kernel.now();
    String hash = trace.finish(now);
    int completed = rt.tasksCompleted();
    Outcome outcome;
    String message;
    int code;
    if (rt.aborted()) {
      outcome = Outcome.ABORTED;
      message = rt.abortMessage();
      code = rt.abortCode();
    } else if (result.reason() == StopReason.EVENT_BUDGET || result.reason() == StopReason.TIME_LIMIT) {
      outcome = Outcome.BUDGET_EXHAUSTED;
      message = (result.reason() == StopReason.EVENT_BUDGET ? "event budget" : "virtual-time limit") + " reached after "
          + result.events() + " events at " + now + " ns";
      code = RunReport.BUDGET_CODE;
    } else if (rt.orchestratorFinished() && completed == rt.taskCount()) {
      outcome = Outcome.COMPLETED;
      message = "completed " + completed + " tasks in " + now + " ns";
      code = 0;
    } else {
      outcome = Outcome.QUIESCENT_BLOCKED;
      message = rt.orchestratorBlocked()
          ? "quiescent: the orchestrator is blocked and nothing can run (" + completed + "/" + rt.taskCount() + " tasks completed)"
          : "quiescent: " + (rt.taskCount() - completed) + " tasks can never complete";
      code = RunReport.QUIESCENT_CODE;
    }
    return new RunReport(outcome, message, code, rt.taskCount(), completed, trace.events(), kernel.executedEvents(), now,
        hash, rt.stalls(), rt.aborted() ? rt.abortSnapshot() : outcome == Outcome.QUIESCENT_BLOCKED
            ? Optional.of(rt.snapshot()) : Optional.empty(), rt.finding(), config.runtime().name(), config.policy(),
        rt.aborted() ? rt.deviceLog() : outcome == Outcome.QUIESCENT_BLOCKED ? rt.stallReport() : ImmutableList.of());
  }
}
