package io.ptosim.scheduler.version.orch;

/**
 * Upstream main at 6ebaf77 ({@code pto_runtime2_types.h}, {@code PTO2TaskState}): 0 PENDING
 * (submitted, waiting, queued or running), 1 COMPLETED, 2 CONSUMED.
 */
public final class StatesAtMain implements StateNumbering {
  private static final String[] NAMES = {"PENDING", "COMPLETED", "CONSUMED"};

  @Override
  public int number(int modelState) {
    return switch (modelState) {
      case PENDING, READY, RUNNING -> 0;
      case COMPLETED -> 1;
      case CONSUMED -> 2;
      default -> throw new IllegalArgumentException("no task state " + modelState);
    };
  }

  @Override
  public String name(int number) {
    return NAMES[number];
  }
}
