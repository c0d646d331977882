package io.ptosim.analysis.snapshot;

/** How a scope discovers dependencies: TensorMap lookups (AUTO) or explicit edges (MANUAL). */
public enum ScopeMode {
  AUTO,
  MANUAL
}
