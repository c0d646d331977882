package io.ptosim.scheduler.version.orch;

import java.util.OptionalInt;

/**
 * How many distinct producers a task of a MANUAL scope may have. Where a version has a limit, an
 * add_dependency that would pass it, or a MANUAL scope_end finding a task over it, is fatal with
 * DEPENDENCY_OVERFLOW ({@link #DEPENDENCY_OVERFLOW}).
 */
public interface FaninLimitRule {
  /** Upstream 01d0723's PTO2_ERROR_DEPENDENCY_OVERFLOW ({@code pto_runtime2_types.h}). */
  int DEPENDENCY_OVERFLOW = 6;

  /** The limit on a MANUAL task's fanin, or empty for none. */
  OptionalInt manualLimit();
}
