package io.ptosim.scheduler.upstream;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

/**
 * A strided view of one tensor as dep_gen records it: the tensor (FNV-1a id of buffer address and
 * version), element type, per-dimension shape and strides in elements, and the element offset of
 * the view's first element into the buffer.
 */
public record TensorSlice(long tensorId, String dtype, ImmutableList<Long> shape, long startOffset, ImmutableList<Long> strides) {
  public TensorSlice {
    Preconditions.checkNotNull(dtype, "dtype");
    Preconditions.checkNotNull(shape, "shape");
    Preconditions.checkNotNull(strides, "strides");
    Preconditions.checkArgument(shape.size() == strides.size(), "shape and strides must have the same rank");
  }

  /** Elements from the first to one past the last element the view touches (0 for an empty view). */
  public long extentElements() {
    long last = 0;
    for (int d = 0; d < shape.size(); d++) {
      if (shape.get(d) == 0) {
        return 0;
      }
      last += (shape.get(d) - 1) * strides.get(d);
    }
    return last + 1;
  }
}
