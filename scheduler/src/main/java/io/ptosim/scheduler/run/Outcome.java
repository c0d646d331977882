package io.ptosim.scheduler.run;

/** How a run ended. */
public enum Outcome {
  /** The orchestrator finished and every task completed. */
  COMPLETED,
  /** A stall policy (or the #277 pre-check) aborted the run, as the device would. */
  ABORTED,
  /** Nothing could run any more: the orchestrator blocked forever, or tasks that can never complete. */
  QUIESCENT_BLOCKED,
  /** The run's event budget or virtual-time limit was reached first. */
  BUDGET_EXHAUSTED
}
