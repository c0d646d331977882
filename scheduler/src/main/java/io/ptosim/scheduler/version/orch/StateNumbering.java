package io.ptosim.scheduler.version.orch;

/**
 * The numbers a version prints for a task's state ({@code PTO2TaskState}). The model keeps five
 * states (PENDING, READY, RUNNING, COMPLETED, CONSUMED as 0..4); a version may fold some.
 */
public interface StateNumbering {
  /** The model's states, in the order of {@link #number}'s argument. */
  int PENDING = 0;
  int READY = 1;
  int RUNNING = 2;
  int COMPLETED = 3;
  int CONSUMED = 4;

  /** The number the version prints for the model's state {@code modelState} (0..4). */
  int number(int modelState);

  /** The version's name for that number. */
  String name(int number);
}
