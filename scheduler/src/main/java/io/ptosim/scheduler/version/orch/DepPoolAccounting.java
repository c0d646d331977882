package io.ptosim.scheduler.version.orch;

/**
 * How a submit uses its ring's dependency-list pool (upstream {@code PTO2DepListPool}). Both versions
 * agree that an entry is taken from the consumer's ring, one per producer that is not yet COMPLETED
 * when the consumer is wired, that {@code ensure_space} runs after the task's slot is committed,
 * and that only the orchestrator reclaims, and only once last_alive has moved
 * {@link #CLEANUP_INTERVAL} past the last reclaim. They differ in what is reserved and when the pool
 * is reclaimed.
 */
public interface DepPoolAccounting {
  /** Upstream PTO2_DEP_POOL_CLEANUP_INTERVAL (both versions). */
  int CLEANUP_INTERVAL = 64;

  /** Returned by {@link #reserve} when the submit does not call {@code ensure_space} at all. */
  int NO_RESERVE = -1;

  /**
   * The entries {@code ensure_space} must find free before the task is wired, or {@link #NO_RESERVE}.
   *
   * @param manualSubmit a submit inside a MANUAL scope
   * @param producers the task's producers not yet CONSUMED (its fanin)
   * @param pending those of them not yet COMPLETED (the entries wiring will take)
   */
  int reserve(boolean manualSubmit, int producers, int pending);

  /**
   * Whether the submit claims each producer's fanout reference while building the fanin, before
   * {@code ensure_space} (main's {@code append_fanin_or_fail}), so that a task blocked on the pool
   * pins its producers; otherwise the references are taken when it is wired.
   */
  boolean pinsProducersBeforeReserve();

  /** Whether an AUTO submit and alloc_tensors try a reclaim before building the fanin (pr482). */
  boolean reclaimsAtSubmit();

  /** Entries an add_dependency reserves and takes at once (it wires the edge when called). */
  int addDependencyEntries();
}
