package io.ptosim.scheduler.workload;

import com.google.common.base.Preconditions;
import io.ptosim.scheduler.program.TensorArg;

/**
 * Hands out distinct, 64-byte aligned base addresses for the tensors a workload names. Bases are
 * TensorMap keys only; the runtime takes OUTPUT sizes from its own ring heaps, so bases are never
 * reused and no two buffers alias by accident.
 */
final class AddressSpace {
  /** Upstream's output alignment. */
  static final long ALIGNMENT = 64;

  /** Where the built-in workloads start naming buffers (any aligned value would do). */
  static final long DEFAULT_START = 0x1000_0000L;

  private long next;

  AddressSpace() {
    this(DEFAULT_START);
  }

  AddressSpace(long start) {
    Preconditions.checkArgument(start >= 0 && start % ALIGNMENT == 0, "start must be aligned: %s", start);
    this.next = start;
  }

  /** A fresh base for a buffer of {@code size} bytes. */
  long allocate(long size) {
    Preconditions.checkArgument(size > 0, "size must be positive: %s", size);
    long base = next;
    next += (size + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    return base;
  }

  /** An OUTPUT argument for a fresh buffer of {@code size} bytes. */
  TensorArg output(long size) {
    return TensorArg.output(allocate(size), size);
  }
}
