package io.ptosim.scheduler.version.orch;

/**
 * How a MANUAL scope under deferred publish ({@code --publish deferred}) wires its tasks. Every
 * version publishes such a scope at scope_end (the publish barrier); they differ in when edges are
 * wired and fanout references taken.
 */
public interface PublishRule {
  /**
   * Whether a manual submit wires its producers outside the scope at once (taking their fanout
   * references and dependency entries then, so they stay pinned until the consumer retires), rather
   * than at scope_end.
   */
  boolean wiresExternalProducersAtSubmit();

  /** Whether add_dependency wires its edge when called, rather than scope_end. */
  boolean addDependencyWiresAtOnce();
}
