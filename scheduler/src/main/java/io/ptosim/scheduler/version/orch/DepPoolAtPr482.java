package io.ptosim.scheduler.version.orch;

/**
 * PR #482 at 01d0723 ({@code pto2_submit_mixed_task_impl}, {@code pto2_add_dependency}): an AUTO
 * submit reclaims at its tensormap sync step and always asks {@code ensure_space(fanin + 1)}, even
 * with no producer; a manual submit asks {@code ensure_space(fanin)} for its producers outside the
 * scope, which it wires at once; add_dependency asks for and takes one entry of the producer's ring
 * when it is called (its producer, unpublished, cannot have completed).
 */
public final class DepPoolAtPr482 implements DepPoolAccounting {
  @Override
  public int reserve(boolean manualSubmit, int producers, int pending) {
    return manualSubmit ? producers : producers + 1;
  }

  @Override
  public boolean reclaimsAtSubmit() {
    return true;
  }

  @Override
  public int addDependencyEntries() {
    return 1;
  }

  @Override
  public boolean pinsProducersBeforeReserve() {
    return false;
  }
}
