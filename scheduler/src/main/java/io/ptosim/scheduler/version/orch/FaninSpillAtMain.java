package io.ptosim.scheduler.version.orch;

/**
 * Upstream main at 6ebaf77 ({@code pto_runtime2_types.h} PTO2_FANIN_INLINE_CAP 64;
 * {@code pto_orchestrator.cpp append_fanin_or_fail}; {@code pto_ring_buffer.cpp PTO2FaninPool}):
 * edges past 64 spill, in AUTO and MANUAL scopes alike; a stall is checked by the 500 ms backstop
 * only ({@code PTO2FaninPool::ensure_space} has no structural check) and latches code 4.
 */
public final class FaninSpillAtMain implements FaninSpillRules {
  @Override
  public int inlineCap() {
    return 64;
  }
}
