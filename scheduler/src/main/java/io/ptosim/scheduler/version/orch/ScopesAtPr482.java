package io.ptosim.scheduler.version.orch;

import io.ptosim.scheduler.program.ScopeMode;
import java.util.Optional;

/**
 * PR #482 at 01d0723 ({@code pto2_scope_begin}): no scope of any mode may open inside a MANUAL
 * scope (its manual flag is one boolean, not a region).
 */
public final class ScopesAtPr482 implements ScopeRules {
  @Override
  public Optional<String> refuseBegin(ScopeMode mode, boolean insideManual) {
    return insideManual
        ? Optional.of("nested PTO2_SCOPE(PTO2ScopeMode::MANUAL) is not supported in v1; manual scope inside manual scope is not supported")
        : Optional.empty();
  }
}
