package io.ptosim.scheduler.version.orch;

/**
 * PR #482 at 01d0723 ({@code pto_runtime2_types.h}, {@code PTO2TaskState}): 0 PENDING, 1 READY,
 * 2 RUNNING, 3 COMPLETED, 4 CONSUMED, the model's own numbering.
 */
public final class StatesAtPr482 implements StateNumbering {
  private static final String[] NAMES = {"PENDING", "READY", "RUNNING", "COMPLETED", "CONSUMED"};

  @Override
  public int number(int modelState) {
    if (modelState < PENDING || modelState > CONSUMED) {
      throw new IllegalArgumentException("no task state " + modelState);
    }
    return modelState;
  }

  @Override
  public String name(int number) {
    return NAMES[number];
  }
}
