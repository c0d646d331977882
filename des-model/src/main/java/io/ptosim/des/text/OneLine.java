package io.ptosim.des.text;

/**
 * Makes a message that quotes user input safe to print as one line: control characters (a newline
 * or carriage return inside a JSON string, a tab) are written as escapes, and a very long quote is
 * cut. The readers' error messages pass through it, so that bad input is always one line.
 */
public final class OneLine {
  /** The longest message kept; input quoted in an error is an excerpt, not the input. */
  public static final int MAX_CHARS = 1_000;

  private OneLine() {}

  /** {@code message} with control characters escaped and at most {@link #MAX_CHARS} characters. */
  public static String of(String message) {
    StringBuilder sb = new StringBuilder(Math.min(message.length(), MAX_CHARS + 3));
    for (int i = 0; i < message.length() && sb.length() < MAX_CHARS; i++) {
      char c = message.charAt(i);
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    if (sb.length() >= MAX_CHARS && message.length() > MAX_CHARS) {
      sb.append("...");
    }
    return sb.toString();
  }
}
