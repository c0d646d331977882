package io.ptosim.scheduler.upstream;

import com.google.common.base.Preconditions;

/**
 * One tensor of a recorded graph: an (address, version) pair with its FNV-1a id, the element type
 * and the element count of the whole underlying buffer.
 */
public record DepsTensor(long tensorId, long bufferAddr, int version, String dtype, long bufferNumel) {
  public DepsTensor {
    Preconditions.checkNotNull(dtype, "dtype");
  }
}
