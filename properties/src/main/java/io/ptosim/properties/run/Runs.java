package io.ptosim.properties.run;

import com.google.common.collect.ImmutableList;
import io.ptosim.des.trace.MemoryTrace;
import io.ptosim.des.trace.TraceSink;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.run.RunReport;
import io.ptosim.scheduler.run.Simulation;
import io.ptosim.scheduler.runtime.InvariantViolation;
import java.util.List;
import java.util.Optional;

/** Runs a program on the scheduler and keeps what the properties need (see {@link Observation}). */
public final class Runs {
  private Runs() {}

  /**
   * Runs {@code program} with {@code settings} under {@code policy}. An invariant violation becomes
   * an observation; any other exception of the runtime propagates (it is a bug either way).
   *
   * @throws IllegalStateException when the report's trace hash differs from the trace's own
   */
  public static Observation run(Program program, RunSettings settings, String policy) {
    return run(program, settings, policy, ImmutableList.of());
  }

  /** As {@link #run(Program, RunSettings, String)}, also feeding every trace event to {@code extra} (e.g. a Chrome trace writer). */
  public static Observation run(Program program, RunSettings settings, String policy, List<TraceSink> extra) {
    MemoryTrace memory = new MemoryTrace();
    HashingTrace hashing = new HashingTrace();
    Optional<RunReport> report;
    Optional<String> violation;
    try {
      report = Optional.of(Simulation.run(settings.config(program, policy), ImmutableList.<TraceSink>builder().add(memory, hashing).addAll(extra).build()));
      violation = Optional.empty();
    } catch (InvariantViolation v) {
      report = Optional.empty();
      violation = Optional.of(v.getMessage());
    }
    String hash = hashing.hash();
    if (report.isPresent() && !report.get().traceHash().equals(hash)) {
      throw new IllegalStateException("report trace hash " + report.get().traceHash() + " is not the hash of the trace "
          + hash + " (" + program.name() + ", " + policy + ", " + settings.describe() + ")");
    }
    return new Observation(program, settings, policy, report, violation, memory.events(), hash);
  }
}
