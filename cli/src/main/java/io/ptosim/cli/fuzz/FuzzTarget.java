package io.ptosim.cli.fuzz;

import java.util.List;

/**
 * One reader under fuzzing: its valid seed inputs and how one input is read to its end. A target is
 * added to {@link FuzzTargets#all()} in one line.
 *
 * <p>{@link #read} returns {@link FuzzOutcome.Accepted} for an input that gave a result and
 * {@link FuzzOutcome.Rejected} for one refused as bad input (the one-line message a user would
 * see); anything it throws is a bug in ptosim, counted as an exception.
 */
public interface FuzzTarget {

  /** A short name for reports: {@code snapshot}, {@code program}, ... */
  String name();

  /** Valid inputs the mutations start from (at least one). */
  List<byte[]> seeds();

  /** Reads {@code input} to its end. */
  FuzzOutcome read(byte[] input) throws Exception;

  /** Mutates {@code seed} into a case; by default with the text mutator. */
  default byte[] mutate(byte[] seed, List<byte[]> seeds, java.util.SplittableRandom random) {
    return Mutator.mutate(seed, seeds, random);
  }

  /** Whether a rejection message names where the input is wrong (a line, an op, a field, a flag). */
  default boolean locates(String message) {
    return FuzzOutcome.namesALocation(message);
  }
}
