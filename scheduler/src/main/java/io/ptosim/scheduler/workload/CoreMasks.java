package io.ptosim.scheduler.workload;

/**
 * active_mask values as upstream's submit calls set them: bit0 AIC, bit1 AIV0, bit2 AIV1. Two or
 * more core bits make a MIX task: each block runs on one cluster, one subtask per core its mask names.
 */
public final class CoreMasks {
  /** rt_submit_aic_task: the cube core only (shape AIC). */
  public static final int AIC = 1;
  /** rt_submit_aiv_task: one vector core (shape AIV); the #495 trace shows SF and UP with mask 2. */
  public static final int AIV = 2;
  /** A full cluster: AIC + AIV0 + AIV1 (shape MIX). */
  public static final int MIX = 7;

  private CoreMasks() {}
}
