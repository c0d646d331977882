package io.ptosim.des.event;

/**
 * A task's shape, which selects its ready queue: AIC only (0), AIV only (1), or MIX (2, AIC and AIV
 * cores of one cluster). Derived from the active mask: bit0 AIC, bit1 AIV0, bit2 AIV1.
 */
public enum Shape {
  AIC,
  AIV,
  MIX;

  public static final int MASK_AIC = 0b001;
  public static final int MASK_AIV0 = 0b010;
  public static final int MASK_AIV1 = 0b100;

  /** The device's code: 0, 1 or 2. */
  public int code() {
    return ordinal();
  }

  /**
   * The shape of an active mask. A mask without AIC bits is AIV, including mask 0: that is why a
   * hidden task (mask 0) that gets published lands in the AIV queue.
   */
  public static Shape ofMask(int activeMask) {
    boolean aic = (activeMask & MASK_AIC) != 0;
    boolean aiv = (activeMask & (MASK_AIV0 | MASK_AIV1)) != 0;
    if (aic && aiv) {
      return MIX;
    }
    return aic ? AIC : AIV;
  }
}
