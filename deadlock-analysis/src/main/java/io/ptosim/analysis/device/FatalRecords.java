package io.ptosim.analysis.device;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generic {@code FATAL(code=N[, latched=M])[: text]}, other {@code FATAL: text} lines that
 * are not stall headers, and the scheduler's {@code Thread T: Fatal error (code=N)}.
 */
final class FatalRecords implements RecordParser {
  private static final Pattern CODED = Pattern.compile("FATAL\\(code=(-?\\d+)(?:, latched=(-?\\d+))?\\)(?::\\s*(.*))?");
  private static final Pattern OTHER = Pattern.compile("FATAL: (.*)");
  private static final Pattern THREAD = Pattern.compile("Thread (\\d+): Fatal error(?: detected)? \\(code=(-?\\d+)\\)");

  private static final List<String> ANCHORS = List.of(
      "FATAL", "Fatal error");

  @Override
  public List<String> anchors() {
    return ANCHORS;
  }


  @Override
  public Optional<DeviceRecord> parse(LogLine line) throws DeviceLogException {
    String s = line.message();
    int n = line.number();
    Matcher m;
    if ((m = CODED.matcher(s)).find()) {
      OptionalInt latched = m.group(2) == null ? OptionalInt.empty()
          : OptionalInt.of(RecordParser.integer(line, m, 2, "FATAL line"));
      return Optional.of(new DeviceRecord.Fatal(n, RecordParser.integer(line, m, 1, "FATAL line"), latched,
          m.group(3) == null ? "" : m.group(3).strip()));
    }
    if ((m = THREAD.matcher(s)).find()) {
      return Optional.of(new DeviceRecord.ThreadFatal(n, RecordParser.integer(line, m, 1, "fatal error line"),
          RecordParser.integer(line, m, 2, "fatal error line")));
    }
    if ((m = OTHER.matcher(s)).find()) {
      return Optional.of(new DeviceRecord.OtherFatal(n, m.group(1).strip()));
    }
    return Optional.empty();
  }
}
