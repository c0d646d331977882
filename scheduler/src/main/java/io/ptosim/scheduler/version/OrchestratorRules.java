package io.ptosim.scheduler.version;

/**
 * The orchestrator-side rules of a runtime version: how a submit takes its slot, heap and dependency
 * entries, how MANUAL scopes publish, what a stall prints. Each component is a small rule class
 * behind an interface.
 */
public record OrchestratorRules() {
  /** The rules of upstream main at 6ebaf77. */
  public static OrchestratorRules main6ebaf77() {
    return new OrchestratorRules();
  }

  /** The rules of PR #482 rebased (01d0723), the seed's runtime. */
  public static OrchestratorRules pr482() {
    return new OrchestratorRules();
  }
}
