package io.ptosim.scheduler.version.orch;

import io.ptosim.scheduler.program.ScopeMode;
import java.util.Optional;

/**
 * Which scopes may open where (upstream {@code begin_scope}). A refused scope_begin is a fatal
 * INVALID_ARGS (code {@link #INVALID_ARGS}) with the version's own message.
 */
public interface ScopeRules {
  /** Upstream PTO2_ERROR_INVALID_ARGS. */
  int INVALID_ARGS = 5;

  /**
   * The fatal message when a scope of {@code mode} may not open while {@code insideManual} (some
   * open scope is MANUAL), or empty when it may.
   */
  Optional<String> refuseBegin(ScopeMode mode, boolean insideManual);
}
