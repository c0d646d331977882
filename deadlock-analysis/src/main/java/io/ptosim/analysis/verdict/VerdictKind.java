package io.ptosim.analysis.verdict;

/**
 * The answers to "will the ring head the orchestrator waits for ever be retired?", and NO_STALL for a
 * device log that holds no allocator or scheduler stall to ask it about.
 */
public enum VerdictKind {
  /** No possible future event frees the resource: a cycle of waits through the orchestrator. */
  REAL_DEADLOCK,
  /** The stall clears if the system keeps running: progress exists but is not retired yet. */
  UNRETIRED_PROGRESS,
  /** Progress is possible by the rules but nothing running, runnable or pending will trigger it. */
  LOST_WAKEUP,
  /** The snapshot is impossible under the runtime's rules. */
  INVARIANT_VIOLATION,
  /** A device log without an allocator or scheduler stall: the run completed or failed otherwise. */
  NO_STALL
}
