package io.ptosim.properties.check;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import io.ptosim.analysis.verdict.VerdictKind;
import io.ptosim.des.event.TraceEvent;
import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.properties.run.Observation;
import io.ptosim.properties.run.RunSettings;
import io.ptosim.properties.run.Runs;
import io.ptosim.scheduler.fault.Fault;
import io.ptosim.scheduler.policy.StallPolicies;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.runtime.PublishMode;
import io.ptosim.scheduler.workload.Kernels;
import java.util.HashSet;
import java.util.Set;

/**
 * Property (e): a seed bug switched on is named. The program first runs on the correct runtime,
 * whose trace says whether it takes the faulty path (a run with the fault is the same run up to
 * that point); then it runs with the fault, under {@code patient} with the invariant monitor on.
 *
 * <ul>
 *   <li>{@link Fault#READY_WITHOUT_TRANSITION}: the path is taken when a scheduler thread (not the
 *       orchestrator's publish) makes a task ready, i.e. a consumer's last producer completed;
 *   <li>{@link Fault#PUBLISH_HIDDEN_ALLOC}: the path is taken when, in deferred mode, a MANUAL scope
 *       holding an alloc_tensors task reaches its scope_end;
 *   <li>{@link Fault#LOST_DEFERRED_COMPLETION}: the path is taken when a {@code defer_wait} task runs
 *       (generated programs have none, so campaigns never take it; the catalogue's issue-2260 does).
 * </ul>
 *
 * When the path is taken, the monitor must name a violation (a checker verdict INVARIANT_VIOLATION,
 * possible under other policies, would count too); when it is not, the monitor must stay silent
 * (it names the fault, not something else). The monitor is the detector here because the faulty
 * state it catches is transient: a PENDING task in a ready queue is dispatched within an iteration,
 * so a stall snapshot rarely still shows it.
 */
public final class FaultDetectionCheck {
  private FaultDetectionCheck() {}

  public static ImmutableList<String> check(Program program, RunSettings settings, Fault fault) {
    RunSettings clean = settings.withFaults(ImmutableSortedSet.of()).withInvariantMonitor(true);
    Observation correct = Runs.run(program, clean, StallPolicies.PATIENT);
    // Patient, so that the faulty run is the correct run until the faulty path (a policy's abort
    // could end it before).
    Observation faulty = Runs.run(program, clean.withFaults(ImmutableSortedSet.of(fault)), StallPolicies.PATIENT);
    return problems(correct, faulty, fault);
  }

  public static ImmutableList<String> problems(Observation correct, Observation faulty, Fault fault) {
    Problems.Collector out = new Problems.Collector();
    correct.violation().ifPresent(v -> out.add("invariant monitor on the correct runtime: " + v));
    boolean exercised = exercises(correct, fault);
    boolean named = faulty.violation().isPresent()
        || StallAlignment.verdictsByStall(faulty).containsValue(VerdictKind.INVARIANT_VIOLATION.name());
    if (exercised && !named) {
      out.add(fault.cliName() + " path taken but no violation named: " + faulty.summary());
    }
    if (!exercised && faulty.violation().isPresent()) {
      out.add(fault.cliName() + " path not taken, yet the monitor says: " + faulty.violation().get());
    }
    return out.build();
  }

  /** Whether the correct run's trace shows the path the fault changes. */
  public static boolean exercises(Observation correct, Fault fault) {
    if (fault == Fault.READY_WITHOUT_TRANSITION) {
      int orchestrator = PlatformProfiles.byName(correct.settings().platform()).schedulerThreads();
      return correct.events(TraceEvent.Ready.class).stream().anyMatch(r -> r.thread() < orchestrator);
    }
    if (fault == Fault.PUBLISH_HIDDEN_ALLOC) {
      if (correct.settings().publishMode() != PublishMode.DEFERRED) {
        return false;
      }
      Set<Long> manualScopes = new HashSet<>();
      Set<Long> pending = new HashSet<>();
      for (TraceEvent e : correct.events()) {
        if (e instanceof TraceEvent.ScopeBegin b && b.mode().equals("MANUAL")) {
          manualScopes.add(b.scope());
        } else if (e instanceof TraceEvent.Submit s && s.hidden() && manualScopes.contains(s.scope())) {
          pending.add(s.scope());
        } else if (e instanceof TraceEvent.ScopeEnd end && pending.contains(end.scope())) {
          return true;
        }
      }
      return false;
    }
    if (fault == Fault.LOST_DEFERRED_COMPLETION) {
      // the path is a deferred-completion task's hand-off: only defer_wait kernels take it (never generated)
      return correct.events(TraceEvent.Submit.class).stream().anyMatch(s -> s.kernel().equals(Kernels.DEFER_WAIT));
    }
    throw new IllegalArgumentException("no exercise rule for fault " + fault.cliName());
  }
}
