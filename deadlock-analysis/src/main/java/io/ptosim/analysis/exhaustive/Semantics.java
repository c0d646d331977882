package io.ptosim.analysis.exhaustive;

/**
 * Which transitions the search may take. {@link #ENABLED} is what the snapshot can actually still
 * do; {@link #RULES} is what the runtime's rules allow, as if no wake-up had been lost.
 */
public enum Semantics {
  /**
   * Scheduler transitions only while the scheduler is alive (a device snapshot, or a simulation
   * snapshot with at least one pending event); a due transition that did not happen (a PENDING task
   * with its fanin complete, a COMPLETED task with its fanout complete, a hidden PENDING task, a
   * READY or RUNNING task of a simulation snapshot whose blocks are all done, a CONSUMED head not
   * advanced past) only when a pending event names its task (or, for the
   * advance, a pending {@code advance} event).
   */
  ENABLED,
  /** The scheduler always runs and every due transition may happen. */
  RULES
}
