package io.ptosim.scheduler.version.orch;

/**
 * PR #482 at 01d0723 ({@code pto_runtime2_types.h} PTO2_FANIN_INLINE_CAP 16;
 * {@code pto_orchestrator.cpp pto2_append_fanin_or_fail}; {@code pto_ring_buffer.cpp
 * PTO2FaninPool::ensure_space}): edges past 16 spill; a stall gives up after
 * PTO2_DEP_POOL_SPIN_LIMIT (100,000) spins without progress, prints {@code (ring R)} and exits
 * without an error code.
 */
public final class FaninSpillAtPr482 implements FaninSpillRules {
  @Override
  public int inlineCap() {
    return 16;
  }
}
