package io.ptosim.cli.fidelity;

import com.google.common.base.Preconditions;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a run ended, in the terms both sides share: COMPLETED, or FATAL with upstream's error code
 * and the ring the FATAL line names (when it names one); NOT_RUN for a run that never started;
 * CRASH for a process killed by a signal with no FATAL first (its signal as text); OTHER for anything else (ptosim out of budget, an input error), with its text.
 */
record EndState(Kind kind, int code, OptionalInt ring, String text) {

  enum Kind { COMPLETED, FATAL, NOT_RUN, CRASH, OTHER }

  private static final Pattern FATAL = Pattern.compile("FATAL (\\d+)(?: ring=(\\d+))?");

  EndState {
    Preconditions.checkNotNull(kind, "kind");
    Preconditions.checkNotNull(ring, "ring");
    Preconditions.checkNotNull(text, "text");
  }

  static EndState completed() {
    return new EndState(Kind.COMPLETED, 0, OptionalInt.empty(), "");
  }

  static EndState fatal(int code, OptionalInt ring) {
    return new EndState(Kind.FATAL, code, ring, "");
  }

  static EndState other(String text) {
    return new EndState(Kind.OTHER, -1, OptionalInt.empty(), text);
  }

  /** Parses the TSV spelling: {@code COMPLETED}, {@code NOT_RUN}, {@code FATAL 4}, {@code FATAL 1 ring=2}. */
  static EndState parse(String s) {
    if (s.equals("COMPLETED")) {
      return completed();
    }
    if (s.startsWith("CRASH ")) {
      return new EndState(Kind.CRASH, -1, OptionalInt.empty(), s.substring(6));
    }
    if (s.equals("NOT_RUN")) {
      return new EndState(Kind.NOT_RUN, -1, OptionalInt.empty(), "");
    }
    Matcher m = FATAL.matcher(s);
    Preconditions.checkArgument(m.matches(), "expected COMPLETED, NOT_RUN or 'FATAL code [ring=R]': '%s'", s);
    return fatal(Integer.parseInt(m.group(1)), m.group(2) == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(m.group(2))));
  }

  /**
   * Whether ptosim's end ({@code this} is upstream's) agrees: both completed, or both FATAL with the
   * same code and, when upstream's line names a ring, the same ring printed by ptosim.
   */
  boolean agreesWith(EndState ptosim) {
    if (kind != ptosim.kind) {
      return false;
    }
    return switch (kind) {
      case COMPLETED -> true;
      case FATAL -> code == ptosim.code && (ring.isEmpty() || ring.equals(ptosim.ring));
      case NOT_RUN, CRASH, OTHER -> false;
    };
  }

  @Override
  public String toString() {
    return switch (kind) {
      case COMPLETED -> "COMPLETED";
      case NOT_RUN -> "NOT_RUN";
      case FATAL -> "FATAL " + code + (ring.isPresent() ? " ring=" + ring.getAsInt() : "");
      case CRASH -> "CRASH " + text;
      case OTHER -> text;
    };
  }
}
