package io.ptosim.cli;

import io.ptosim.scheduler.policy.StallRecord;
import io.ptosim.scheduler.run.RunReport;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link RunReport} as the run summary (text) or as a JSON-ready map. */
final class ReportView {

  private ReportView() {}

  static List<Map<String, Object>> stalls(List<StallRecord> records) {
    List<Map<String, Object>> stalls = new ArrayList<>();
    for (StallRecord s : records) {
      Map<String, Object> o = Json.object();
      o.put("atNs", s.atNs());
      o.put("ring", s.ring());
      o.put("resource", s.resource().toString());
      o.put("verdict", s.verdict().orElse(null));
      o.put("reason", s.reason());
      o.put("resumed", s.resumed());
      stalls.add(o);
    }
    return stalls;
  }

  static Map<String, Object> toJson(RunReport r, Timing timing, StallSummary stalls, boolean allStalls) {
    Map<String, Object> o = Json.object();
    o.put("runtime", r.runtime());
    o.put("policy", r.policy());
    o.put("outcome", r.outcome().name());
    o.put("message", r.message());
    // upstream's numbering of the device's error code (0 ok, orch_error_code otherwise), and ptosim's own exit status.
    o.put("errorCode", r.exitCode());
    o.put("exitStatus", r.completed() ? ExitCodes.OK : ExitCodes.NOT_COMPLETED);
    o.put("tasks", r.tasks());
    o.put("tasksCompleted", r.tasksCompleted());
    o.put("events", r.events());
    o.put("kernelEvents", r.kernelEvents());
    o.put("virtualTimeNs", r.virtualTimeNs());
    o.put("traceHash", r.traceHash());
    o.put("stalls", stalls.toJson(r, allStalls));
    r.finding().ifPresent(f -> {
      Map<String, Object> v = Json.object();
      v.put("verdict", f.verdict());
      v.put("reason", f.reason());
      v.put("witness", f.witness().map(w -> Arrays.asList(w.split("\n"))).orElse(List.of()));
      o.put("finding", v);
    });
    o.put("snapshot", r.finalSnapshotText().map(t -> Arrays.asList(t.split("\n"))).orElse(null));
    // The only fields that differ between two runs of one configuration: the host's, not the run's.
    Map<String, Object> perf = Json.object();
    perf.put("jvmStartMs", timing.jvmStartMs());
    perf.put("runWallMs", timing.runNanos() / 1_000_000);
    perf.put("eventsPerSecond", timing.runNanos() == 0 ? 0 : (long) (r.events() * 1e9 / timing.runNanos()));
    perf.put("peakHeapBytes", peakHeapBytes());
    o.put("perf", perf);
    return o;
  }

  /**
   * Wall-clock cost of a command: the JVM's start-up (from its start time to the run's begin, so
   * small runs do not report meaningless rates) and the run itself.
   */
  record Timing(long jvmStartMs, long runNanos) {
    /** Starts timing a run now. */
    static long begin() {
      return System.nanoTime();
    }

    /** The timing of a run begun at {@code beginNanos} (from {@link #begin}) and ending now. */
    static Timing since(long beginNanos, long jvmStartMs) {
      return new Timing(jvmStartMs, System.nanoTime() - beginNanos);
    }

    /** Milliseconds from the JVM's start to now. */
    static long jvmUptimeMs() {
      return Math.max(0, System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
    }
  }

  /** Peak heap use of this JVM so far: the sum of the heap pools' peaks (an upper bound). */
  static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  static void print(String what, RunReport r, Timing timing, StallSummary stalls, PrintWriter out) {
    double wallS = timing.runNanos() / 1e9;
    out.println("run:        " + what);
    out.println("runtime:    " + r.runtime() + ", policy " + r.policy());
    out.println("outcome:    " + r.outcome() + " (device code " + r.exitCode() + ")");
    out.println("message:    " + r.message());
    out.println(String.format(Locale.ROOT, "tasks:      %d in the program, %d completed", r.tasks(), r.tasksCompleted()));
    out.println(String.format(Locale.ROOT, "events:     %d trace events, %d kernel events", r.events(), r.kernelEvents()));
    out.println(String.format(Locale.ROOT, "virtual:    %d ns (%.3f ms)", r.virtualTimeNs(), r.virtualTimeNs() / 1e6));
    out.println(String.format(Locale.ROOT, "wall:       run %.3f s (%.0f events/s), JVM start-up %.3f s, peak heap %d MiB", wallS,
        wallS == 0 ? 0 : r.events() / wallS, timing.jvmStartMs() / 1e3, peakHeapBytes() >> 20));
    out.println("trace hash: " + r.traceHash());
    out.println("stalls:     " + stalls.line(r));
    r.finding().ifPresent(f -> {
      out.println("verdict:    " + f.verdict() + ": " + f.reason());
      f.witness().ifPresent(w -> {
        for (String line : w.split("\n")) {
          out.println("            " + line);
        }
      });
    });
  }
}
