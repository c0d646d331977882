package io.ptosim.scheduler.version.orch;

/**
 * Upstream main at 6ebaf77 ({@code submit_task_common}, {@code orch_wire_live_fanin_task}): a task
 * with no producer, or whose producers have all COMPLETED, is made ready without touching the
 * pool; otherwise {@code ensure_space(wait_count)} asks for one entry per producer (also the
 * completed ones) and wiring takes one per producer still pending. Reclaim happens only inside
 * {@code ensure_space}. MANUAL scopes pass explicit dependencies with the submit; there is no
 * add_dependency.
 */
public final class DepPoolAtMain implements DepPoolAccounting {
  @Override
  public int reserve(boolean manualSubmit, int producers, int pending) {
    return pending == 0 ? NO_RESERVE : producers;
  }

  @Override
  public boolean reclaimsAtSubmit() {
    return false;
  }

  @Override
  public int addDependencyEntries() {
    return 0;
  }

  @Override
  public boolean pinsProducersBeforeReserve() {
    return true;
  }
}
