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

  static List<Map<String, Object>> stalls(RunReport r) {
    List<Map<String, Object>> stalls = new ArrayList<>();
    for (StallRecord s : r.stalls()) {
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

  static Map<String, Object> toJson(RunReport r, long wallNanos) {
    Map<String, Object> o = Json.object();
    o.put("runtime", r.runtime());
    o.put("policy", r.policy());
    o.put("outcome", r.outcome().name());
    o.put("message", r.message());
    o.put("exitCode", r.exitCode());
    // Upstream's numbering (pto_runtime_status.h): 0 also when pr482's pool exited without a code.
    o.put("errorCode", r.exitCode());
    o.put("deviceLog", r.deviceLog());
    o.put("tasks", r.tasks());
    o.put("tasksCompleted", r.tasksCompleted());
    o.put("events", r.events());
    o.put("kernelEvents", r.kernelEvents());
    o.put("virtualTimeNs", r.virtualTimeNs());
    o.put("traceHash", r.traceHash());
    o.put("stalls", stalls(r));
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
    perf.put("wallTimeMs", wallNanos / 1_000_000);
    perf.put("eventsPerSecond", wallNanos == 0 ? 0 : (long) (r.events() * 1e9 / wallNanos));
    perf.put("peakHeapBytes", peakHeapBytes());
    o.put("perf", perf);
    return o;
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

  static void print(String what, RunReport r, long wallNanos, PrintWriter out) {
    double wallS = wallNanos / 1e9;
    out.println("run:        " + what);
    out.println("runtime:    " + r.runtime() + ", policy " + r.policy());
    out.println("outcome:    " + r.outcome() + " (device code " + r.exitCode() + ")");
    out.println("message:    " + r.message());
    out.println(String.format(Locale.ROOT, "tasks:      %d in the program, %d completed", r.tasks(), r.tasksCompleted()));
    out.println(String.format(Locale.ROOT, "events:     %d trace events, %d kernel events", r.events(), r.kernelEvents()));
    out.println(String.format(Locale.ROOT, "virtual:    %d ns (%.3f ms)", r.virtualTimeNs(), r.virtualTimeNs() / 1e6));
    out.println(String.format(Locale.ROOT, "wall:       %.3f s, %.0f events/s, peak heap %d MiB", wallS, wallS == 0 ? 0 : r.events() / wallS,
        peakHeapBytes() >> 20));
    out.println("trace hash: " + r.traceHash());
    long resumed = r.stalls().stream().filter(StallRecord::resumed).count();
    out.println("stalls:     " + r.stalls().size() + " (" + resumed + " resumed)");
    r.finding().ifPresent(f -> {
      out.println("verdict:    " + f.verdict() + ": " + f.reason());
      f.witness().ifPresent(w -> {
        for (String line : w.split("\n")) {
          out.println("            " + line);
        }
      });
    });
    if (!r.deviceLog().isEmpty()) {
      out.println("device log (" + r.runtime() + "):");
      for (String line : r.deviceLog()) {
        out.println("  " + line);
      }
    }
  }
}
