package io.ptosim.analysis.verdict;

/** The four answers to "will the ring head the orchestrator waits for ever be retired?". */
public enum VerdictKind {
  /** No possible future event frees the resource: a cycle of waits through the orchestrator. */
  REAL_DEADLOCK,
  /** The stall clears if the system keeps running: progress exists but is not retired yet. */
  UNRETIRED_PROGRESS,
  /** Progress is possible by the rules but nothing running, runnable or pending will trigger it. */
  LOST_WAKEUP,
  /** The snapshot is impossible under the runtime's rules. */
  INVARIANT_VIOLATION
}
