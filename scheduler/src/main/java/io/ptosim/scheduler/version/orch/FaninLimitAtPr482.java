package io.ptosim.scheduler.version.orch;

import java.util.OptionalInt;

/**
 * PR #482 at 01d0723 ({@code pto_types.h} PTO2_MAX_INPUTS 16; {@code pto_orchestrator.cpp}):
 * {@code pto2_add_dependency} refuses an edge to a consumer that already has 16, and
 * {@code pto2_scope_end} of a MANUAL scope refuses a task with more than 16 (its submit may have
 * found more from outside the scope), both with {@code FATAL: Dependency Overflow Detected!}.
 */
public final class FaninLimitAtPr482 implements FaninLimitRule {
  /** Upstream PTO2_MAX_INPUTS. */
  public static final int MAX_INPUTS = 16;

  @Override
  public OptionalInt manualLimit() {
    return OptionalInt.of(MAX_INPUTS);
  }
}
