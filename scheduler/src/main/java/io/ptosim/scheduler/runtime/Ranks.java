package io.ptosim.scheduler.runtime;

/**
 * Same-instant order of the runtime's events (lower rank first; within a rank the kernel's
 * tie-break applies). A core's finish becoming visible comes first, then a retried ring advance
 * (a release), then scheduler-thread iterations (completion, ready, dispatch, deferred releases),
 * then the orchestrator, and last the stall policy's timer, so that a policy deciding at an
 * instant sees every transition of that instant.
 */
final class Ranks {
  static final int BLOCK_DONE = 0;
  static final int ADVANCE = 1;
  static final int SCHEDULER = 2;
  static final int ORCHESTRATOR = 3;
  static final int POLICY_TIMER = 4;

  private Ranks() {}
}
