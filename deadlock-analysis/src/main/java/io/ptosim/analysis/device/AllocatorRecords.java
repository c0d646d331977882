package io.ptosim.analysis.device;

import io.ptosim.analysis.snapshot.Count;
import io.ptosim.analysis.snapshot.WaitResource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The task allocator's {@code report_deadlock} block (main and the older forms) and its
 * {@code BLOCKED} warning; the head and backstop lines are shared with the pool blocks.
 */
final class AllocatorRecords implements RecordParser {
  private static final Pattern HEADER =
      Pattern.compile("FATAL: Task Allocator Deadlock - (Task Ring Full|Heap Exhausted)!(?:\\s*ring=(\\d+))?");
  private static final Pattern FLOW_CONTROL = Pattern.compile("FATAL: Flow Control Deadlock Detected!");
  private static final Pattern GATED =
      Pattern.compile("Head task (\\d+) is the oldest task owned by an open scope");
  private static final Pattern BACKSTOP = Pattern.compile(
      "No reclaim progress for ~500 ms(?: \\((\\d+) cycles)?|cannot reclaim space after ~500 ms|freed no entries for ~500 ms"
          + "|No progress after \\d+ spins");
  private static final Pattern TASK_RING = Pattern.compile(
      "Task ring(?: (\\d+))?:\\s+current=(\\d+),? last_alive=(\\d+),? active=(\\d+)/(\\d+)");
  private static final Pattern HEAP_RING = Pattern.compile(
      "Heap ring(?: (\\d+))?:\\s+top=(\\d+), tail=(\\d+), size=(\\d+)(?:, used=(\\d+))?, available=(\\d+)");
  private static final Pattern REQUESTED = Pattern.compile("Requested:\\s+(\\d+) bytes");
  private static final Pattern HEAD = Pattern.compile(
      "Head task (\\d+): state=(\\d+), consumers=(\\d+)/(\\d+)(?:, scope_released=(\\d+))?");
  private static final Pattern OLD_HEAD = Pattern.compile(
      "Head task (\\d+): ([A-Z]+)(?:, fanin=(\\d+)/(\\d+))?(?:, fanout=(\\d+)/(\\d+))?");
  private static final Pattern BLOCKED = Pattern.compile(
      "\\[TaskAllocator(?: ring=(\\d+))?\\] BLOCKED: tasks=(\\d+)/(\\d+),.*?on=(task|heap), spins=(\\d+)");

  private static final List<String> ANCHORS = List.of(
      "Task Allocator", "Head task", "~500 ms", "Task ring", "Heap ring", "Requested:", "BLOCKED:", "Flow Control Deadlock", "No progress after");

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
      WaitResource resource = m.group(1).startsWith("Heap") ? WaitResource.HEAP : WaitResource.TASK_RING;
      OptionalInt ring = m.group(2) == null ? OptionalInt.empty()
          : OptionalInt.of(RecordParser.integer(line, m, 2, "allocator deadlock header"));
      return Optional.of(new DeviceRecord.AllocatorHeader(n, resource, ring));
    }
    if (FLOW_CONTROL.matcher(s).find()) {
      return Optional.of(new DeviceRecord.AllocatorHeader(n, WaitResource.TASK_RING, OptionalInt.empty()));
    }
    if ((m = GATED.matcher(s)).find()) {
      return Optional.of(new DeviceRecord.ScopeGated(n, RecordParser.local(line, m, 1, "head-of-line line")));
    }
    if ((m = BACKSTOP.matcher(s)).find()) {
      OptionalLong cycles = m.group(1) == null ? OptionalLong.empty()
          : OptionalLong.of(RecordParser.number(line, m, 1, "backstop line"));
      return Optional.of(new DeviceRecord.Backstop(n, cycles));
    }
    if ((m = TASK_RING.matcher(s)).find()) {
      String record = "task ring line";
      OptionalInt ring = m.group(1) == null ? OptionalInt.empty()
          : OptionalInt.of(RecordParser.integer(line, m, 1, record));
      long current = RecordParser.local(line, m, 2, record);
      long lastAlive = RecordParser.local(line, m, 3, record);
      if (lastAlive > current) {
        throw DeviceLogException.badValue(n, "last_alive=" + lastAlive, record, "exceeds current=" + current);
      }
      return Optional.of(new DeviceRecord.TaskRing(n, ring, current, lastAlive, RecordParser.count(line, m, 4, 5, record)));
    }
    if ((m = HEAP_RING.matcher(s)).find()) {
      String record = "heap ring line";
      OptionalInt ring = m.group(1) == null ? OptionalInt.empty()
          : OptionalInt.of(RecordParser.integer(line, m, 1, record));
      OptionalLong used = m.group(5) == null ? OptionalLong.empty()
          : OptionalLong.of(RecordParser.number(line, m, 5, record));
      return Optional.of(new DeviceRecord.HeapRing(n, ring,
          RecordParser.number(line, m, 2, record), RecordParser.number(line, m, 3, record),
          RecordParser.number(line, m, 4, record), used, RecordParser.number(line, m, 6, record)));
    }
    if ((m = REQUESTED.matcher(s)).find()) {
      return Optional.of(new DeviceRecord.Requested(n, RecordParser.number(line, m, 1, "requested line")));
    }
    if ((m = HEAD.matcher(s)).find()) {
      String record = "head task line";
      Optional<Boolean> released = Optional.empty();
      if (m.group(5) != null) {
        String v = m.group(5);
        if (!v.equals("0") && !v.equals("1")) {
          throw DeviceLogException.badValue(n, "scope_released=" + v, record, "expected 0 or 1");
        }
        released = Optional.of(v.equals("1"));
      }
      return Optional.of(new DeviceRecord.Head(n, RecordParser.local(line, m, 1, record),
          OptionalInt.of(RecordParser.integer(line, m, 2, record)), Optional.empty(),
          Optional.of(RecordParser.count(line, m, 3, 4, record)), released, Optional.empty(), Optional.empty()));
    }
    if ((m = OLD_HEAD.matcher(s)).find()) {
      String record = "head task line";
      Optional<Count> fanin = m.group(3) == null ? Optional.empty() : Optional.of(RecordParser.count(line, m, 3, 4, record));
      Optional<Count> fanout = m.group(5) == null ? Optional.empty() : Optional.of(RecordParser.count(line, m, 5, 6, record));
      return Optional.of(new DeviceRecord.Head(n, RecordParser.local(line, m, 1, record), OptionalInt.empty(),
          Optional.of(m.group(2)), Optional.empty(), Optional.empty(), fanin, fanout));
    }
    if ((m = BLOCKED.matcher(s)).find()) {
      String record = "BLOCKED line";
      OptionalInt ring = m.group(1) == null ? OptionalInt.empty()
          : OptionalInt.of(RecordParser.integer(line, m, 1, record));
      return Optional.of(new DeviceRecord.Blocked(n, ring, RecordParser.count(line, m, 2, 3, record), m.group(4),
          RecordParser.number(line, m, 5, record)));
    }
    return Optional.empty();
  }
}
