package io.ptosim.scheduler.run;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.text.SnapshotPrinter;
import io.ptosim.scheduler.policy.StallFinding;
import io.ptosim.scheduler.policy.StallRecord;
import java.util.Optional;

/**
 * What a run produced.
 *
 * @param outcome how it ended
 * @param message one line: the device's fatal message on abort, else a summary
 * @param exitCode the device's orch_error_code: 0 completed; on abort 1 scope deadlock, 2 heap,
 *     3 task ring (flow control), 4 dependency pool, 5 invalid args (a refused scope_begin), or 0
 *     when the device exited without latching a code (pr482's dependency-pool stall); 100 (scheduler timeout) when quiescent-blocked;
 *     -1 when the budget ran out
 * @param tasks tasks the program creates
 * @param tasksCompleted tasks that reached COMPLETED
 * @param events trace events recorded
 * @param kernelEvents kernel events executed
 * @param virtualTimeNs virtual time at the end
 * @param traceHash SHA-256 of the canonical trace text
 * @param stalls every allocator stall, in order
 * @param finalSnapshot the runtime at the instant the run aborted or went quiescent while blocked
 * @param finding the last verdict a stall policy gave (for {@code checker}: verdict, reason, witness)
 * @param runtime the runtime version's name
 * @param policy the stall policy's name
 * @param deviceLog on abort, the runtime version's own fatal report, one log line each, as its
 *     device log prints it; when quiescent with the orchestrator blocked, the report its allocator
 *     would print for that stall; empty otherwise
 */
public record RunReport(
    Outcome outcome,
    String message,
    int exitCode,
    long tasks,
    long tasksCompleted,
    long events,
    long kernelEvents,
    long virtualTimeNs,
    String traceHash,
    ImmutableList<StallRecord> stalls,
    Optional<Snapshot> finalSnapshot,
    Optional<StallFinding> finding,
    String runtime,
    String policy,
    ImmutableList<String> deviceLog) {

  /** Exit code of a run that ended with nothing left to run: upstream's scheduler timeout. */
  public static final int QUIESCENT_CODE = 100;
  /** Exit code of a run that ran out of budget: the device never got to decide. */
  public static final int BUDGET_CODE = -1;

  public RunReport {
    Preconditions.checkNotNull(outcome, "outcome");
    Preconditions.checkNotNull(message, "message");
    Preconditions.checkNotNull(traceHash, "traceHash");
    Preconditions.checkNotNull(stalls, "stalls");
    Preconditions.checkNotNull(finalSnapshot, "finalSnapshot");
    Preconditions.checkNotNull(finding, "finding");
    Preconditions.checkNotNull(runtime, "runtime");
    Preconditions.checkNotNull(policy, "policy");
    Preconditions.checkNotNull(deviceLog, "deviceLog");
  }

  public boolean completed() {
    return outcome == Outcome.COMPLETED;
  }

  /** The final snapshot in the device text format that {@code ptosim check} reads. */
  public Optional<String> finalSnapshotText() {
    return finalSnapshot.map(SnapshotPrinter::print);
  }
}
