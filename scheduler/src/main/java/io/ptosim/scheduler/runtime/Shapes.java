package io.ptosim.scheduler.runtime;

import io.ptosim.des.event.Shape;

/**
 * Upstream's pto2_active_mask_to_shape: two or more core bits make a MIX task, else the AIC bit an
 * AIC task, else AIV, which includes mask 0 (why a published hidden task lands in the AIV queue).
 * Bit 3 (sync start) is not a core bit.
 */
final class Shapes {
  static final int AIC = 0;
  static final int AIV = 1;
  static final int MIX = 2;
  static final int COUNT = 3;
  /** Active-mask bit 3: require_sync_start (upstream PTO2_SUBTASK_FLAG_SYNC_START at 01d0723). */
  static final int SYNC_START = 0b1000;
  private static final Shape[] TRACE = {Shape.AIC, Shape.AIV, Shape.MIX};

  private Shapes() {}

  static int of(int activeMask) {
    int cores = activeMask & 0b111;
    if (Integer.bitCount(cores) >= 2) {
      return MIX;
    }
    return (cores & Shape.MASK_AIC) != 0 ? AIC : AIV;
  }

  static Shape trace(int shape) {
    return TRACE[shape];
  }
}
