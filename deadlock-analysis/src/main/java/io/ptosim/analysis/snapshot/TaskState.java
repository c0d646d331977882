package io.ptosim.analysis.snapshot;

import static com.google.common.base.Preconditions.checkArgument;

/** Life cycle of a PTO2 task, with the numeric codes the device prints ({@code state=S}). */
public enum TaskState {
  PENDING,
  READY,
  RUNNING,
  COMPLETED,
  CONSUMED;

  private static final TaskState[] BY_CODE = values();

  /** The device's code: 0 PENDING .. 4 CONSUMED. */
  public int code() {
    return ordinal();
  }

  /** The state printed as {@code code}; rejects codes outside 0..4. */
  public static TaskState ofCode(int code) {
    checkArgument(code >= 0 && code < BY_CODE.length, "state code %s is not 0..4", code);
    return BY_CODE[code];
  }

  /** COMPLETED or CONSUMED: the kernel has finished and its fanin releases were made. */
  public boolean isCompleted() {
    return this == COMPLETED || this == CONSUMED;
  }
}
