package io.ptosim.scheduler.policy;

import java.util.Optional;

/**
 * Never aborts: the run either completes or ends with nothing left to run while the orchestrator is
 * blocked (QUIESCENT_BLOCKED). The ground truth the other policies are judged against.
 */
final class PatientPolicy implements StallPolicy {

  @Override
  public String name() {
    return StallPolicies.PATIENT;
  }

  @Override
  public StallDecision onStall(StallContext stall) {
    return StallDecision.keepWaiting();
  }

  @Override
  public StallDecision onQuiescent(StallContext stall) {
    stall.verdict("QUIESCENT", "nothing can run while the orchestrator waits for " + stall.resource().traceName()
        + " of ring " + stall.ring() + " (last_alive " + stall.lastAlive() + ", current " + stall.current() + ")",
        Optional.empty());
    return StallDecision.keepWaiting();
  }
}
