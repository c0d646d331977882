package io.ptosim.scheduler.version.orch;

import io.ptosim.scheduler.program.ScopeMode;
import java.util.Optional;

/**
 * Upstream main at 6ebaf77 ({@code PTO2OrchestratorState::begin_scope}): an AUTO scope inside a
 * MANUAL one is refused; a MANUAL scope inside a MANUAL one joins the outer manual region.
 */
public final class ScopesAtMain implements ScopeRules {
  @Override
  public Optional<String> refuseBegin(ScopeMode mode, boolean insideManual) {
    return insideManual && mode == ScopeMode.AUTO
        ? Optional.of("FATAL(code=5): auto scope nested inside manual scope is not supported")
        : Optional.empty();
  }
}
