package io.ptosim.scheduler.runtime;

import io.ptosim.des.platform.PlatformProfile;

/**
 * The orchestrator's share of a simulating host. On a2a3sim every AICore and AICPU is a host thread
 * on the same few host cores (upstream {@code platform/sim/aicore/inner_kernel.h}, SPIN_WAIT_HINT's
 * comment: "all AICore/AICPU threads share a small number of host CPU cores"); while simulated
 * cores compute kernels the orchestrator thread is preempted, so a submit costs its own time plus
 * {@code hostShareNs} per core computing at that instant. On a device ({@code hostShareNs} 0) the
 * orchestrator has its own AICPU core and the rule adds nothing.
 *
 * <p>SIMPLIFIED: the host's preemption comes in rare long pauses (tens to hundreds of ms every few
 * hundred submits in the corpus); the rule spreads them evenly over the submits, which keeps the
 * submission rate the corpus measured but not its burstiness.
 */
final class HostShare {
  private HostShare() {}

  /** The cost of one submit or alloc_tensors started at {@code now} with {@code computing} cores busy. */
  static long submitCostNs(PlatformProfile p, int computing) {
    return p.submitNs() + p.hostShareNs() * computing;
  }
}
