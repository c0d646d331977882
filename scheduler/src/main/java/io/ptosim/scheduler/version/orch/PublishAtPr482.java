package io.ptosim.scheduler.version.orch;

/**
 * PR #482 at 01d0723 (after abace346a "move manual external wiring to submit"): a manual submit
 * wires its outside producers at once; {@code pto2_add_dependency} wires its edge at once; scope_end
 * ({@code publish_manual_scope_tasks_and_end_scope}) only releases each task's publish barrier and
 * the scope's reference, so it never waits for a pool.
 */
public final class PublishAtPr482 implements PublishRule {
  @Override
  public boolean wiresExternalProducersAtSubmit() {
    return true;
  }

  @Override
  public boolean addDependencyWiresAtOnce() {
    return true;
  }
}
