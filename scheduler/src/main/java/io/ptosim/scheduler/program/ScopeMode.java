package io.ptosim.scheduler.program;

/** How a scope finds dependencies: AUTO through the TensorMap, MANUAL through explicit add_dependency. */
public enum ScopeMode {
  AUTO,
  MANUAL
}
