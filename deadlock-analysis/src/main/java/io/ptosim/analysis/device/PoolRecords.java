package io.ptosim.analysis.device;

import io.ptosim.analysis.snapshot.Count;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dependency-pool, fanin-spill-pool and TensorMap entry-pool blocks, their {@code Overflow!}
 * variants, and the pool field lines ({@code - Pool used:}, {@code - Needed:},
 * {@code - last_task_alive:}, {@code - current_task:}, {@code - In-flight tasks:}).
 */
final class PoolRecords implements RecordParser {
  private static final Pattern HEADER = Pattern.compile(
      "FATAL: (Dependency Pool|Fanin Spill Pool|TensorMap Entry Pool) (Deadlock Detected|Overflow)!");
  private static final Pattern USED = Pattern.compile("Pool used:\\s+(\\d+) / (\\d+)");
  private static final Pattern EXHAUSTED =
      Pattern.compile("exhausted: (\\d+) entries alive \\(capacity=(\\d+)\\)");
  private static final Pattern NEEDED = Pattern.compile("Needed:\\s+(\\d+) entries");
  private static final Pattern LAST_ALIVE = Pattern.compile("last_task_alive(?: \\(sum across rings\\))?:\\s+(\\d+)");
  private static final Pattern CURRENT = Pattern.compile("current_task:\\s+(\\d+)");
  private static final Pattern IN_FLIGHT = Pattern.compile("In-flight tasks:\\s+(\\d+)");

  private static final List<String> ANCHORS = List.of(
      "Pool", "exhausted:", "Needed:", "last_task_alive", "current_task:", "In-flight");

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
      DeviceRecord.Pool pool = switch (m.group(1)) {
        case "Dependency Pool" -> DeviceRecord.Pool.DEP_POOL;
        case "Fanin Spill Pool" -> DeviceRecord.Pool.FANIN_SPILL;
        default -> DeviceRecord.Pool.TENSORMAP;
      };
      return Optional.of(new DeviceRecord.PoolHeader(n, pool, m.group(2).equals("Overflow")));
    }
    if ((m = USED.matcher(s)).find()) {
      return Optional.of(new DeviceRecord.PoolUsed(n, RecordParser.count(line, m, 1, 2, "pool used line")));
    }
    if ((m = EXHAUSTED.matcher(s)).find()) {
      long used = RecordParser.number(line, m, 1, "pool exhausted line");
      long capacity = RecordParser.number(line, m, 2, "pool exhausted line");
      // An overflow reports more entries alive than fit: keep the numbers as printed.
      return Optional.of(new DeviceRecord.PoolUsed(n, Count.unchecked(used, capacity)));
    }
    if ((m = NEEDED.matcher(s)).find()) {
      return Optional.of(new DeviceRecord.Needed(n, RecordParser.number(line, m, 1, "needed line")));
    }
    if ((m = LAST_ALIVE.matcher(s)).find()) {
      return Optional.of(new DeviceRecord.LastAlive(n, RecordParser.local(line, m, 1, "last_task_alive line")));
    }
    if ((m = CURRENT.matcher(s)).find()) {
      return Optional.of(new DeviceRecord.CurrentTask(n, RecordParser.local(line, m, 1, "current_task line")));
    }
    if ((m = IN_FLIGHT.matcher(s)).find()) {
      return Optional.of(new DeviceRecord.InFlight(n, RecordParser.number(line, m, 1, "in-flight line")));
    }
    return Optional.empty();
  }
}
