package io.ptosim.properties.run;

import io.ptosim.des.kernel.TieBreak;

/** The CLI spelling of a tie-break ({@code fifo}, {@code shuffle:SEED}), the inverse of {@link TieBreak#parse}. */
public final class TieBreaks {
  private TieBreaks() {}

  public static String text(TieBreak tie) {
    if (tie instanceof TieBreak.Shuffle s) {
      return "shuffle:" + s.seed();
    }
    return "fifo";
  }
}
