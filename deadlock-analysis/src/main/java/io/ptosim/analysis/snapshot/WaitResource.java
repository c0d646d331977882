package io.ptosim.analysis.snapshot;

/** What the orchestrator's allocation waits for; both are reclaimed in task order. */
public enum WaitResource {
  TASK_RING("task_ring"),
  HEAP("heap");

  private final String token;

  WaitResource(String token) {
    this.token = token;
  }

  /** The snapshot format's spelling ({@code waiting=task_ring|heap}). */
  public String token() {
    return token;
  }
}
