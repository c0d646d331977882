package io.ptosim.analysis.snapshot;

/** What the orchestrator's allocation waits for; all four are reclaimed as last_alive advances. */
public enum WaitResource {
  TASK_RING("task_ring"),
  HEAP("heap"),
  /** Entries of the ring's dependency-list pool ({@code ensure_space} while wiring a submit). */
  DEP_POOL("dep_pool"),
  /** An entry of the ring's fanin spill pool ({@code ensure_space(1)} for a fanin edge past the inline cap). */
  FANIN_POOL("fanin_pool");

  private final String token;

  WaitResource(String token) {
    this.token = token;
  }

  /** The snapshot format's spelling ({@code waiting=task_ring|heap|dep_pool|fanin_pool}). */
  public String token() {
    return token;
  }
}
