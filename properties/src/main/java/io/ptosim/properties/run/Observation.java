package io.ptosim.properties.run;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.ptosim.des.event.TraceEvent;
import io.ptosim.scheduler.policy.StallRecord;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunReport;
import java.util.Optional;

/**
 * One run as the properties see it: the report, or the invariant monitor's violation when it
 * stopped the run, plus the whole trace.
 *
 * @param program what ran
 * @param settings how it ran
 * @param policy the stall policy
 * @param report the scheduler's report; empty when the monitor threw
 * @param violation the monitor's message when it threw
 * @param events every trace event, in order
 * @param traceHash SHA-256 of the canonical trace (the report's hash when there is a report)
 */
public record Observation(
    Program program,
    RunSettings settings,
    String policy,
    Optional<RunReport> report,
    Optional<String> violation,
    ImmutableList<TraceEvent> events,
    String traceHash) {

  /** What {@link #outcome()} says when the invariant monitor stopped the run. */
  public static final String INVARIANT_VIOLATION = "INVARIANT_VIOLATION";

  public Observation {
    Preconditions.checkNotNull(program, "program");
    Preconditions.checkNotNull(settings, "settings");
    Preconditions.checkNotNull(policy, "policy");
    Preconditions.checkArgument(report.isPresent() != violation.isPresent(), "exactly one of report and violation");
    Preconditions.checkNotNull(events, "events");
    Preconditions.checkNotNull(traceHash, "traceHash");
  }

  /** The run's outcome name, or {@value #INVARIANT_VIOLATION}. */
  public String outcome() {
    return report.map(r -> r.outcome().name()).orElse(INVARIANT_VIOLATION);
  }

  public boolean is(Outcome outcome) {
    return report.isPresent() && report.get().outcome() == outcome;
  }

  public boolean completed() {
    return is(Outcome.COMPLETED);
  }

  /** The verdict word of the run's last finding (e.g. {@code REAL_DEADLOCK}, {@code SPIN_LIMIT}). */
  public Optional<String> finalVerdict() {
    return report.flatMap(RunReport::finding).map(f -> f.verdict());
  }

  /** The allocator stalls, in order; empty when the monitor threw. */
  public ImmutableList<StallRecord> stalls() {
    return report.map(RunReport::stalls).orElse(ImmutableList.of());
  }

  /** The events of one kind, in order. */
  public <E extends TraceEvent> ImmutableList<E> events(Class<E> kind) {
    ImmutableList.Builder<E> out = ImmutableList.builder();
    for (TraceEvent e : events) {
      if (kind.isInstance(e)) {
        out.add(kind.cast(e));
      }
    }
    return out.build();
  }

  /** One line: policy, settings, outcome, final verdict. */
  public String summary() {
    return policy + " on " + settings.describe() + ": " + outcome() + finalVerdict().map(v -> " (" + v + ")").orElse("")
        + report.map(r -> " - " + r.message()).orElse(" - " + violation.orElse(""));
  }
}
