package io.ptosim.analysis.device;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host's lines after a device run: {@code PTO2 runtime failed: ...}, {@code error detail:},
 * {@code PTO2 scheduler timeout sub_class=...}, and the lines that say a run finished well.
 */
final class HostRecords implements RecordParser {
  private static final Pattern FAILED = Pattern.compile(
      "PTO2 runtime failed: orch_error_code=(-?\\d+) sched_error_code=(-?\\d+) runtime_status=(-?\\d+)");
  private static final Pattern DETAIL = Pattern.compile("error detail: (.*)");
  private static final Pattern TIMEOUT = Pattern.compile("PTO2 scheduler timeout sub_class=(\\S+)");
  private static final Pattern PASSED = Pattern.compile("^\\s*\\S+::\\S+ PASSED\\b|Kernel execution completed successfully|^=+ \\d+ passed");

  private static final List<String> ANCHORS = List.of(
      "PTO2 ", "error detail", "PASSED", "completed successfully", " passed");

  @Override
  public List<String> anchors() {
    return ANCHORS;
  }


  @Override
  public Optional<DeviceRecord> parse(LogLine line) throws DeviceLogException {
    String s = line.message();
    int n = line.number();
    Matcher m;
    if ((m = FAILED.matcher(s)).find()) {
      return Optional.of(new DeviceRecord.RuntimeFailed(n, RecordParser.integer(line, m, 1, "runtime failed line"),
          RecordParser.integer(line, m, 2, "runtime failed line"), RecordParser.integer(line, m, 3, "runtime failed line")));
    }
    if ((m = DETAIL.matcher(s)).find()) {
      return Optional.of(new DeviceRecord.ErrorDetail(n, m.group(1).strip()));
    }
    if ((m = TIMEOUT.matcher(s)).find()) {
      return Optional.of(new DeviceRecord.SchedulerTimeout(n, m.group(1)));
    }
    if ((m = PASSED.matcher(s)).find()) {
      return Optional.of(new DeviceRecord.Completion(n, s.strip()));
    }
    return Optional.empty();
  }
}
