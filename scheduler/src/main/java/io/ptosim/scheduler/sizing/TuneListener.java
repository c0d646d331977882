package io.ptosim.scheduler.sizing;

/** Told after each simulation a {@link Tuner} ran, from the thread that ran it; for progress bars. */
@FunctionalInterface
public interface TuneListener {
  /** {@code done} runs finished of about {@code planned} (the plan grows as bisections go on). */
  void ran(int done, int planned);

  TuneListener NONE = (done, planned) -> {};
}
