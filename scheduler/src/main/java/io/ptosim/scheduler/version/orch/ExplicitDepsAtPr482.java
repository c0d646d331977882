package io.ptosim.scheduler.version.orch;

import java.util.Optional;

/**
 * PR #482 at 01d0723 ({@code pto_orchestrator.cpp pto2_add_dependency}): the only explicit edge is
 * {@code pto2_rt_add_dependency}, called after the consumer's submit, and outside a MANUAL scope it
 * stores {@code PTO2_ERROR_INVALID_ARGS} and makes the orchestrator fatal.
 */
public final class ExplicitDepsAtPr482 implements ExplicitDepRules {
  @Override
  public Optional<String> refuseIntoAuto() {
    return Optional.of("pto2_rt_add_dependency is only valid inside PTO2_SCOPE(PTO2ScopeMode::MANUAL)");
  }
}
