package io.ptosim.analysis.device;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The orchestrator's {@code Scope Deadlock Detected!} block. */
final class ScopeRecords implements RecordParser {
  private static final Pattern HEADER = Pattern.compile("FATAL: Scope Deadlock Detected! \\(ring (\\d+)\\)");
  private static final Pattern COUNT =
      Pattern.compile("Tasks in current scope \\((\\d+)\\) >= task_window_size \\((\\d+)\\)");
  private static final Pattern FIELD = Pattern.compile("^\\s*(scope_depth|ring_id|scope_task_count):\\s+(\\d+)\\s*$");
  private static final Pattern ACTIVE = Pattern.compile("^\\s*active_tasks:\\s+(\\d+) / (\\d+)\\s*$");

  private static final List<String> ANCHORS = List.of(
      "Scope Deadlock", "Tasks in current scope", "scope_depth:", "ring_id:", "scope_task_count:", "active_tasks:");

  @Override
  public List<String> anchors() {
    return ANCHORS;
  }


  @Override
  public Optional<DeviceRecord> parse(LogLine line) throws DeviceLogException {
    String s = line.message();
    int n = line.number();
    Matcher m;
    if ((m = HEADER.matcher(s)).find()) {
      return Optional.of(new DeviceRecord.ScopeHeader(n, RecordParser.integer(line, m, 1, "scope deadlock header")));
    }
    if ((m = COUNT.matcher(s)).find()) {
      return Optional.of(new DeviceRecord.ScopeCount(n, RecordParser.number(line, m, 1, "scope count line"),
          RecordParser.number(line, m, 2, "scope count line")));
    }
    if ((m = FIELD.matcher(s)).find()) {
      return Optional.of(new DeviceRecord.ScopeField(n, m.group(1), RecordParser.number(line, m, 2, m.group(1) + " line")));
    }
    if ((m = ACTIVE.matcher(s)).find()) {
      return Optional.of(new DeviceRecord.ActiveTasks(n, RecordParser.count(line, m, 1, 2, "active_tasks line")));
    }
    return Optional.empty();
  }
}
