package io.ptosim.scheduler.version.orch;

/**
 * Upstream main at 6ebaf77 has no deferred publish (MANUAL tasks pass their dependencies with the
 * submit and publish at once). Under {@code --publish deferred} this keeps ptosim's model of the
 * partial-manual draft before abace346a (af357ad): scope_end wires every edge, then publishes.
 */
public final class PublishAtMain implements PublishRule {
  @Override
  public boolean wiresExternalProducersAtSubmit() {
    return false;
  }

  @Override
  public boolean addDependencyWiresAtOnce() {
    return false;
  }
}
