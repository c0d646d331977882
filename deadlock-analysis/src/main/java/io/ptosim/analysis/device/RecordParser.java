package io.ptosim.analysis.device;

import io.ptosim.analysis.snapshot.Count;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Reads one diagnostic kind. Its {@link #anchors} are substrings every one of its records holds:
 * the reader scans lines for them byte by byte, so that the regular expressions only see the few
 * lines that can be records.
 */
interface RecordParser {

  /** Substrings one of which every record of this parser contains. */
  List<String> anchors();

  /** Whether {@code message} can hold one of this parser's records. */
  default boolean mayMatch(String message) {
    for (String anchor : anchors()) {
      if (message.contains(anchor)) {
        return true;
      }
    }
    return false;
  }

  /** The record on {@code line}, or empty when the line is none of this parser's. */
  Optional<DeviceRecord> parse(LogLine line) throws DeviceLogException;

  /** Group {@code group} of {@code m} as a non-negative long. */
  static long number(LogLine line, Matcher m, int group, String record) throws DeviceLogException {
    String value = m.group(group);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw DeviceLogException.badValue(line.number(), value, record, "not a number that fits 64 bits");
    }
  }

  /** Group {@code group} of {@code m} as a ring-local task id, which the runtime prints as 32 bits. */
  static long local(LogLine line, Matcher m, int group, String record) throws DeviceLogException {
    long value = number(line, m, group, record);
    if (value > 0xFFFF_FFFFL) {
      throw DeviceLogException.badValue(line.number(), m.group(group), record, "a ring-local task id fits 32 bits");
    }
    return value;
  }

  /** Group {@code group} of {@code m} as an int (codes may be negative). */
  static int integer(LogLine line, Matcher m, int group, String record) throws DeviceLogException {
    String value = m.group(group);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw DeviceLogException.badValue(line.number(), value, record, "not a number that fits 32 bits");
    }
  }

  /** Groups {@code done} and {@code total} as a counter with {@code done <= total}. */
  static Count count(LogLine line, Matcher m, int done, int total, String record) throws DeviceLogException {
    long a = number(line, m, done, record);
    long b = number(line, m, total, record);
    if (a > b) {
      throw DeviceLogException.badValue(line.number(), a + "/" + b, record, "done exceeds total");
    }
    return Count.of(a, b);
  }
}
