package io.ptosim.analysis.device;

import java.util.Optional;

/**
 * Removes the runtime's line wrappers, by hand rather than by regular expression. The onboard
 * form spans two lines: the message line, in double quotes, unwraps to the message, and the
 * reader counts the line before it (thread id and function) as part of that record.
 */
public final class LineUnwrapper {
  private LineUnwrapper() {}

  /** Whether {@code line} is an onboard message line ({@code "..."}). */
  public static boolean isOnboardMessage(String line) {
    String s = stripEnd(line);
    return s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"';
  }

  /** Unwraps line {@code number}; empty for blank lines. */
  public static Optional<LogLine> unwrap(int number, String raw) {
    String line = stripEnd(raw);
    if (line.isEmpty()) {
      return Optional.empty();
    }
    if (line.length() >= 2 && line.charAt(0) == '"' && line.charAt(line.length() - 1) == '"') {
      String inner = line.substring(1, line.length() - 1);
      return Optional.of(new LogLine(number, "", "", stripFileLine(inner), LogLine.Wrapper.ONBOARD));
    }
    int at = 0;
    LogLine.Wrapper wrapper = LogLine.Wrapper.BARE;
    if (line.startsWith("[mono_ns=")) {
      int close = line.indexOf("][T0x");
      int next = close < 0 ? -1 : line.indexOf(']', close + 5);
      if (next < 0) {
        return Optional.of(new LogLine(number, "", "", line, LogLine.Wrapper.NONE));
      }
      at = next + 1;
      wrapper = LogLine.Wrapper.SIM_HOST;
    }
    if (at < line.length() && line.charAt(at) == '[') {
      int close = line.indexOf(']', at);
      if (close > at + 1 && isLevel(line, at + 1, close)) {
        String level = line.substring(at + 1, close);
        int start = close + 1;
        if (start < line.length() && line.charAt(start) == ' ') {
          start++;
        }
        int colon = functionEnd(line, start);
        String function = "";
        if (colon > start) {
          function = line.substring(start, colon);
          start = colon + 1;
          if (start < line.length() && line.charAt(start) == ' ') {
            start++;
          }
        }
        return Optional.of(new LogLine(number, level, function, stripFileLine(line.substring(start)), wrapper));
      }
    }
    return Optional.of(new LogLine(number, "", "", line, LogLine.Wrapper.NONE));
  }

  private static boolean isLevel(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return to - from >= 4 && to - from <= 7;
  }

  /** End of a {@code func:} token (an identifier followed by a colon), or -1. */
  private static int functionEnd(String s, int from) {
    int i = from;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ':') {
        return i > from ? i : -1;
      }
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '~')) {
        return -1;
      }
      i++;
    }
    return -1;
  }

  /** Drops a leading {@code [file.ext:123] }. */
  static String stripFileLine(String message) {
    if (message.isEmpty() || message.charAt(0) != '[') {
      return message;
    }
    int close = message.indexOf(']');
    if (close < 0) {
      return message;
    }
    int colon = message.lastIndexOf(':', close);
    if (colon < 0 || colon + 1 >= close || message.indexOf('.', 1) > colon || message.indexOf('.', 1) < 0) {
      return message;
    }
    for (int i = colon + 1; i < close; i++) {
      if (!Character.isDigit(message.charAt(i))) {
        return message;
      }
    }
    int start = close + 1;
    return start < message.length() && message.charAt(start) == ' ' ? message.substring(start + 1) : message.substring(start);
  }

  private static String stripEnd(String raw) {
    int end = raw.length();
    while (end > 0 && (raw.charAt(end - 1) == '\r' || raw.charAt(end - 1) == ' ' || raw.charAt(end - 1) == '\t')) {
      end--;
    }
    return end == raw.length() ? raw : raw.substring(0, end);
  }
}
