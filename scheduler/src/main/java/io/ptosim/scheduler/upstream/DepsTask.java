package io.ptosim.scheduler.upstream;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

/**
 * One submitted task of a recorded graph: its raw id ({@code ring << 32 | local}), whether it was
 * submitted inside a manual scope, the early-dispatch flag, the kernel function ids per subslot
 * {@code [aic, aiv0, aiv1]} ({@code -1} = inactive), the SPMD block count and its arguments.
 * Hidden alloc_tensors tasks are not recorded as tasks; they appear only as edge producers.
 */
public record DepsTask(long taskId, boolean manualScope, boolean earlyDispatch, ImmutableList<Integer> kernelIds,
    int blockNum, ImmutableList<DepsArg> args) {
  public DepsTask {
    Preconditions.checkNotNull(kernelIds, "kernelIds");
    Preconditions.checkArgument(kernelIds.size() == 3, "kernel_ids must be [aic, aiv0, aiv1]");
    Preconditions.checkArgument(blockNum >= 1, "block_num must be at least 1");
    Preconditions.checkNotNull(args, "args");
  }

  /** dep_gen's spelling of the scope flag. */
  public String scope() {
    return manualScope ? "manual" : "auto";
  }

  /** The active mask the kernel ids imply: bit0 AIC, bit1 AIV0, bit2 AIV1. */
  public int activeMask() {
    int mask = 0;
    for (int slot = 0; slot < 3; slot++) {
      if (kernelIds.get(slot) >= 0) {
        mask |= 1 << slot;
      }
    }
    return mask;
  }
}
