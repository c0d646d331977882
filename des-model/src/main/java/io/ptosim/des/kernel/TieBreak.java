package io.ptosim.des.kernel;

import com.google.common.base.Preconditions;

/**
 * How events scheduled for the same instant (and the same rank) are ordered.
 *
 * <p>{@link Fifo} runs them in the order this simulation scheduled them. {@link Shuffle} permutes them
 * reproducibly from a seed, to flush out models that silently depend on one particular order.
 */
public sealed interface TieBreak {

  /** Same-instant, same-rank events run in scheduling order. */
  record Fifo() implements TieBreak {}

  /** Same-instant, same-rank events run in a seeded pseudo-random order. */
  record Shuffle(long seed) implements TieBreak {}

  static TieBreak fifo() {
    return new Fifo();
  }

  static TieBreak shuffle(long seed) {
    return new Shuffle(seed);
  }

  /** Parses {@code fifo} or {@code shuffle:SEED} (the CLI's spelling). */
  static TieBreak parse(String text) {
    Preconditions.checkNotNull(text, "tie-break");
    if (text.equals("fifo")) {
      return fifo();
    }
    if (text.startsWith("shuffle:")) {
      try {
        return shuffle(Long.parseLong(text.substring("shuffle:".length())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad tie-break '" + text + "': seed is not a number");
      }
    }
    throw new IllegalArgumentException("bad tie-break '" + text + "': expected fifo or shuffle:SEED");
  }
}
