package io.ptosim.scheduler.program;

import com.google.common.base.Preconditions;

/**
 * One tensor argument of a submit: the tensor's base address (the TensorMap key), the byte range
 * {@code [offset, offset + size)} it touches, and its direction. For {@link ArgDirection#OUTPUT}
 * the size is what the task allocates from its ring's heap.
 *
 * <p>{@code offset} and {@code size} are at most {@link #MAX_BYTES} (2^48 bytes, 256 TiB, far above
 * any device heap), so that {@link #end()} and a task's summed, aligned output bytes cannot
 * overflow.
 */
public record TensorArg(ArgDirection direction, long base, long offset, long size) {
  /** The largest offset and size of a tensor argument, and of a task's total OUTPUT bytes: 2^48. */
  public static final long MAX_BYTES = 1L << 48;

  public TensorArg {
    Preconditions.checkNotNull(direction, "direction");
    Preconditions.checkArgument(base >= 0, "base must be non-negative");
    Preconditions.checkArgument(offset >= 0, "offset must be non-negative");
    Preconditions.checkArgument(offset <= MAX_BYTES, "offset must be at most 2^48: %s", offset);
    Preconditions.checkArgument(size > 0, "size must be positive");
    Preconditions.checkArgument(size <= MAX_BYTES, "size must be at most 2^48: %s", size);
  }

  public long end() {
    return offset + size;
  }

  /** The same byte range with another direction, e.g. a task's OUTPUT read by its consumer. */
  public TensorArg as(ArgDirection newDirection) {
    return new TensorArg(newDirection, base, offset, size);
  }

  public static TensorArg input(long base, long offset, long size) {
    return new TensorArg(ArgDirection.INPUT, base, offset, size);
  }

  public static TensorArg output(long base, long size) {
    return new TensorArg(ArgDirection.OUTPUT, base, 0, size);
  }

  public static TensorArg inout(long base, long offset, long size) {
    return new TensorArg(ArgDirection.INOUT, base, offset, size);
  }

  public static TensorArg outputExisting(long base, long offset, long size) {
    return new TensorArg(ArgDirection.OUTPUT_EXISTING, base, offset, size);
  }
}
