package io.ptosim.des.event;

import com.google.common.base.Preconditions;
import io.ptosim.des.platform.CoreType;

/** One core of the device, e.g. {@code AIC5} or {@code AIV12}; AIV cores of cluster c are 2c and 2c+1. */
public record CoreId(CoreType type, int index) {
  public CoreId {
    Preconditions.checkNotNull(type, "type");
    Preconditions.checkArgument(index >= 0, "core index must be non-negative");
  }

  @Override
  public String toString() {
    return type.name() + index;
  }
}
