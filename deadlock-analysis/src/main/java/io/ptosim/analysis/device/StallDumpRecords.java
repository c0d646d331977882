package io.ptosim.analysis.device;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scheduler's no-progress dump: {@code [STALL thread=T idle_iterations=N]} TASK, SUMMARY,
 * CLUSTER and TIMEOUT_EXIT lines, and the {@code [SHUTDOWN_SNAPSHOT ...]} banner. A CLUSTER line
 * names several cores' tasks; it is read as one record about the cluster, never as task records.
 */
final class StallDumpRecords implements RecordParser {
  private static final Pattern PREFIX = Pattern.compile("\\[STALL thread=(\\d+) idle_iterations=(\\d+)\\] (TASK|SUMMARY|CLUSTER|TIMEOUT_EXIT) ");
  private static final Pattern TASK = Pattern.compile(
      "ring=(\\d+) task_id=(\\d+) state=(RUNNING|READY|WAIT)\\s+(?:fanin_refcount|fanin_met)=(\\d+)/(\\d+)");
  private static final Pattern SUMMARY = Pattern.compile(
      "completed=(\\d+)/(\\d+).*?scan_ready=(\\d+) scan_waiting=(\\d+) scan_running=(\\d+)");
  private static final Pattern CLUSTER = Pattern.compile("cluster_id=(\\d+) ");
  private static final Pattern SUB_CLASS = Pattern.compile("sub_class=(\\S+)");
  private static final Pattern ORCH_DONE = Pattern.compile("orch_done=(\\d+)");
  private static final Pattern STUCK = Pattern.compile("stuck_task_id=(-?\\d+)");
  private static final Pattern SHUTDOWN = Pattern.compile("\\[SHUTDOWN_SNAPSHOT([^\\]]*)\\]");
  private static final Pattern REASON = Pattern.compile("reason=(\\S+)");

  private static final List<String> ANCHORS = List.of(
      "[STALL ", "[SHUTDOWN_SNAPSHOT");

  @Override
  public List<String> anchors() {
    return ANCHORS;
  }


  @Override
  public Optional<DeviceRecord> parse(LogLine line) throws DeviceLogException {
    String s = line.message();
    int n = line.number();
    Matcher m = PREFIX.matcher(s);
    if (!m.find()) {
      Matcher shutdown = SHUTDOWN.matcher(s);
      if (shutdown.find()) {
        Matcher reason = REASON.matcher(shutdown.group(1));
        return Optional.of(new DeviceRecord.ShutdownSnapshot(n, reason.find() ? reason.group(1) : ""));
      }
      return Optional.empty();
    }
    int thread = RecordParser.integer(line, m, 1, "STALL line");
    String rest = s.substring(m.end());
    Matcher f;
    switch (m.group(3)) {
      case "TASK" -> {
        f = TASK.matcher(rest);
        if (!f.find()) {
          throw new DeviceLogException(n, "line " + n + ": STALL TASK line without ring=, task_id=, state= and fanin_refcount=a/b");
        }
        LogLine sub = line;
        return Optional.of(new DeviceRecord.StallTask(n, thread, RecordParser.integer(sub, f, 1, "STALL TASK line"),
            RecordParser.number(sub, f, 2, "STALL TASK line"), f.group(3), countAllowingExcess(sub, f)));
      }
      case "SUMMARY" -> {
        f = SUMMARY.matcher(rest);
        if (!f.find()) {
          return Optional.empty();
        }
        return Optional.of(new DeviceRecord.StallSummary(n, RecordParser.count(line, f, 1, 2, "STALL SUMMARY line"),
            RecordParser.number(line, f, 3, "STALL SUMMARY line"), RecordParser.number(line, f, 4, "STALL SUMMARY line"),
            RecordParser.number(line, f, 5, "STALL SUMMARY line")));
      }
      case "CLUSTER" -> {
        f = CLUSTER.matcher(rest);
        int cluster = f.find() ? RecordParser.integer(line, f, 1, "STALL CLUSTER line") : -1;
        // Each of aic=, aiv0=, aiv1= is coreN(idle) or coreN(busy ...).
        boolean allIdle = !rest.contains("(busy");
        return Optional.of(new DeviceRecord.StallCluster(n, cluster, allIdle));
      }
      default -> {
        f = SUB_CLASS.matcher(rest);
        String subClass = f.find() ? f.group(1) : "";
        Matcher d = ORCH_DONE.matcher(rest);
        OptionalInt done = d.find() ? OptionalInt.of(RecordParser.integer(line, d, 1, "TIMEOUT_EXIT line")) : OptionalInt.empty();
        Matcher t = STUCK.matcher(rest);
        OptionalLong stuck = OptionalLong.empty();
        if (t.find() && !t.group(1).startsWith("-")) {
          stuck = OptionalLong.of(RecordParser.number(line, t, 1, "TIMEOUT_EXIT line"));
        }
        return Optional.of(new DeviceRecord.TimeoutExit(n, subClass, done, stuck));
      }
    }
  }

  /** A WAIT task's refcount may not exceed its fanin; a bad dump is an input error. */
  private static io.ptosim.analysis.snapshot.Count countAllowingExcess(LogLine line, Matcher f) throws DeviceLogException {
    return RecordParser.count(line, f, 4, 5, "STALL TASK line");
  }
}
