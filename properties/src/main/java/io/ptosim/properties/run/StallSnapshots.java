package io.ptosim.properties.run;

import com.google.common.collect.ImmutableList;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.scheduler.policy.StallContext;
import io.ptosim.scheduler.policy.StallDecision;
import io.ptosim.scheduler.policy.StallPolicy;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.run.Simulation;
import io.ptosim.scheduler.runtime.InvariantViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * Every stall snapshot of a run: the runtime as the checker sees it (with the kernel's pending
 * events) each time the policy is asked, at a stall, after a last_alive increase that leaves the
 * allocation blocked, and at quiescence. The policy still decides everything, so the run is the
 * same as {@link Runs#run}.
 */
public final class StallSnapshots {
  private StallSnapshots() {}

  /** The snapshots, in order; up to the violation when the invariant monitor stops the run. */
  public static ImmutableList<Snapshot> of(Program program, RunSettings settings, String policy) {
    List<Snapshot> out = new ArrayList<>();
    try {
      Simulation.run(settings.config(program, policy), p -> new Recording(p, out), ImmutableList.of());
    } catch (InvariantViolation v) {
      // the stalls before it were judged all the same
    }
    return ImmutableList.copyOf(out);
  }

  /** Delegates every decision; snapshots the runtime first. */
  private static final class Recording implements StallPolicy {
    private final StallPolicy policy;
    private final List<Snapshot> out;

    Recording(StallPolicy policy, List<Snapshot> out) {
      this.policy = policy;
      this.out = out;
    }

    @Override
    public String name() {
      return policy.name();
    }

    @Override
    public boolean checksScopeCapacity() {
      return policy.checksScopeCapacity();
    }

    @Override
    public StallDecision onStall(StallContext stall) {
      out.add(stall.snapshot());
      return policy.onStall(stall);
    }

    @Override
    public StallDecision onProgress(StallContext stall) {
      out.add(stall.snapshot());
      return policy.onProgress(stall);
    }

    @Override
    public StallDecision onTimer(StallContext stall) {
      return policy.onTimer(stall);
    }

    @Override
    public StallDecision onQuiescent(StallContext stall) {
      out.add(stall.snapshot());
      return policy.onQuiescent(stall);
    }

    @Override
    public void onResume(StallContext stall) {
      policy.onResume(stall);
    }
  }
}
