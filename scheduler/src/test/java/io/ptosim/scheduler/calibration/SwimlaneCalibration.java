package io.ptosim.scheduler.calibration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ptosim.analysis.upstream.ReferenceCorpus;
import io.ptosim.scheduler.workload.Kernels;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The a2a3sim calibration: reads every run's {@code chip_swimlane_records.json} (and its
 * {@code deps.json}, to map task ids to kernels) in the upstream corpus and derives the figures of
 * the {@code a2a3sim} platform profile as medians, printing percentiles beside them. Reproduce with
 * {@code mvn -o -pl scheduler -am verify -Dtest=A2a3simCalibrationTest} (the test prints the table)
 * or run {@link #main} on the test classpath with the corpus folder as argument.
 *
 * <p>Sources (cycles at {@code metadata.clock_freq_hz}, 50 MHz): kernel duration = aicore
 * {@code end - start}; dispatch latency = aicore start - aicpu {@code dispatch_cycles} and finish
 * latency = aicpu {@code finish_cycles} - aicore end, joined on (core_id, reg_task_id); scheduler
 * loop iteration = a thread's phase span / its loop_iter span; per-item scheduler cost = a dispatch or
 * complete phase's duration / its tasks_processed; submit = an orchestrator phase's duration.
 * Paged attention's func ids 0..3 are its kernels qk, sf, pv, up (the example's kernel config).
 *
 * <p>Host share ({@code hostShareNs}): over each run's submits before its task window could first
 * fill (the first {@code PTO2_RING_TASK_WINDOW} submits), the wall time from one submit's start to
 * the next, less the profile's submit cost, per AICore row computing at that submit's start; pooled
 * (ratio of sums) over the runs whose orchestration overlapped at least one computing core on
 * average. It is a rate, so it is pooled rather than a median: the host takes its share in rare long
 * pauses, and the median submit interval does not see them.
 */
public final class SwimlaneCalibration {
  static final double NS_PER_CYCLE = 1e9 / 50e6;
  /** Examples whose func ids 0..3 are paged attention's four kernels. */
  static final List<String> PAGED_ATTENTION = List.of(
      "examples/a2a3/tensormap_and_ringbuffer/paged_attention/test_paged_attention.py",
      "examples/a2a3/tensormap_and_ringbuffer/paged_attention_manual_scope/test_paged_attention_manual_scope.py");
  static final String[] PA_KERNELS = {Kernels.QK, Kernels.SF, Kernels.PV, Kernels.UP};

  /** Samples in nanoseconds by figure name, in name order. */
  final Map<String, List<Double>> samples = new TreeMap<>();
  int runs;
  int cores = -1;
  /** Per run whose orchestration overlapped kernels: {sum of submit intervals ns, intervals, sum of computing cores}. */
  final Map<String, double[]> hostShare = new TreeMap<>();

  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) {
    Path folder = args.length > 0 ? Path.of(args[0]) : ReferenceCorpus.upstreamRuns().orElseThrow(
        () -> new IllegalStateException(ReferenceCorpus.MISSING));
    of(folder).print(System.out);
  }

  /** Reads every run folder under {@code upstreamRuns} that has swimlane records. */
  public static SwimlaneCalibration of(Path upstreamRuns) {
    SwimlaneCalibration c = new SwimlaneCalibration();
    for (Path run : ReferenceCorpus.runDirectories(upstreamRuns)) {
      Path swim = existing(run, "chip_swimlane_records.json");
      Path deps = existing(run, "deps.json");
      if (swim != null && deps != null) {
        c.add(run, swim, deps);
      }
    }
    return c;
  }

  private static Path existing(Path run, String name) {
    if (Files.isRegularFile(run.resolve(name))) {
      return run.resolve(name);
    }
    return Files.isRegularFile(run.resolve(name + ".gz")) ? run.resolve(name + ".gz") : null;
  }

  private static InputStream open(Path p) throws IOException {
    InputStream in = Files.newInputStream(p);
    return p.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
  }

  private void add(Path run, Path swim, Path deps) {
    try {
      String example = JSON.readTree(run.resolve("meta.json").toFile()).path("example").asText();
      boolean pa = PAGED_ATTENTION.contains(example);
      Map<Long, Integer> funcOf = firstKernels(deps);
      JsonNode d;
      try (InputStream in = open(swim)) {
        d = JSON.readTree(in);
      }
      runs++;
      cores = d.path("metadata").path("num_cores").asInt(-1);
      Map<Long, long[]> aicpu = new HashMap<>();
      for (JsonNode r : d.path("aicpu_tasks")) {
        aicpu.put(r.get(0).asLong() << 32 | r.get(1).asLong(), new long[] {r.get(2).asLong(), r.get(3).asLong()});
      }
      for (JsonNode r : d.path("aicore_tasks")) {
        long core = r.get(0).asLong();
        long task = r.get(1).asLong();
        long reg = r.get(2).asLong();
        long start = r.get(3).asLong();
        long end = r.get(4).asLong();
        Integer func = funcOf.get(task);
        String kernel = pa && func != null && func >= 0 && func < PA_KERNELS.length ? PA_KERNELS[func] : null;
        sample("kernel.all", end - start);
        if (kernel != null) {
          sample("kernel." + kernel, end - start);
        } else {
          sample("kernel.other", end - start);
        }
        long[] cpu = aicpu.get(core << 32 | reg);
        if (cpu != null) {
          sample("dispatchNs", start - cpu[0]);
          sample("finishNoticeNs", cpu[1] - end);
        }
      }
      for (JsonNode thread : d.path("aicpu_scheduler_phases")) {
        long firstIter = Long.MAX_VALUE;
        long lastIter = Long.MIN_VALUE;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (JsonNode ph : thread) {
          long s = ph.path("start_cycles").asLong();
          long e = ph.path("end_cycles").asLong();
          long it = ph.path("loop_iter").asLong();
          if (s < first) {
            first = s;
            firstIter = it;
          }
          if (e > last) {
            last = e;
            lastIter = it;
          }
          long n = ph.path("tasks_processed").asLong();
          String kind = ph.path("kind").asText();
          if (n > 0 && (kind.equals("dispatch") || kind.equals("complete"))) {
            sample("pollNs", (double) (e - s) / n);
          }
        }
        if (lastIter > firstIter) {
          sample("idleLoopNs", (double) (last - first) / (lastIter - firstIter));
        }
      }
      for (JsonNode orch : d.path("aicpu_orchestrator_phases")) {
        for (JsonNode ph : orch) {
          sample("submitNs", ph.path("end_cycles").asLong() - ph.path("start_cycles").asLong());
        }
      }
      JsonNode env = JSON.readTree(run.resolve("meta.json").toFile()).path("env");
      int window = env.has("PTO2_RING_TASK_WINDOW") ? env.path("PTO2_RING_TASK_WINDOW").asInt() : 16_384;
      hostShare(run.getFileName().toString(), d, window);
    } catch (IOException e) {
      throw new UncheckedIOException(run + ": " + e.getMessage(), e);
    }
  }

  /** Adds the run's submission phase to {@link #hostShare} when it overlapped computing cores. */
  private void hostShare(String name, JsonNode d, int window) {
    JsonNode orch = d.path("aicpu_orchestrator_phases").path(0);
    int n = Math.min(orch.size(), window);
    if (n < 2) {
      return;
    }
    List<long[]> edges = new ArrayList<>();
    for (JsonNode r : d.path("aicore_tasks")) {
      edges.add(new long[] {r.get(3).asLong(), 1});
      edges.add(new long[] {r.get(4).asLong(), -1});
    }
    edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    long[] at = new long[edges.size()];
    int[] computing = new int[edges.size()];
    int c = 0;
    for (int i = 0; i < at.length; i++) {
      c += (int) edges.get(i)[1];
      at[i] = edges.get(i)[0];
      computing[i] = c;
    }
    double intervals = 0;
    double busy = 0;
    for (int i = 0; i + 1 < n; i++) {
      long s = orch.get(i).path("start_cycles").asLong();
      intervals += (orch.get(i + 1).path("start_cycles").asLong() - s) * NS_PER_CYCLE;
      int k = upperBound(at, s) - 1;
      busy += k >= 0 ? computing[k] : 0;
    }
    if (busy / (n - 1) >= 1) {
      hostShare.put(name, new double[] {intervals, n - 1, busy});
    }
  }

  private static int upperBound(long[] a, long key) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The host share per computing core, rounded to whole microseconds, in ns: the pooled ratio of
   * (submit interval - {@code submitNs}) to computing cores over {@link #hostShare}'s runs.
   */
  public long hostShareNs(long submitNs) {
    double num = 0;
    double den = 0;
    for (double[] r : hostShare.values()) {
      num += r[0] - r[1] * submitNs;
      den += r[2];
    }
    return Math.round(num / den / 1_000) * 1_000;
  }

  /** task_id to its first valid func id (aic, then aiv0, then aiv1), streamed: Case1's deps.json is 84 MB. */
  private static Map<Long, Integer> firstKernels(Path deps) throws IOException {
    Map<Long, Integer> out = new HashMap<>();
    try (InputStream in = open(deps); JsonParser p = JSON.getFactory().createParser(in)) {
      while (p.nextToken() != null) {
        if (p.currentToken() == JsonToken.FIELD_NAME && p.getCurrentName().equals("tasks")
            && p.getParsingContext().getParent() != null && p.getParsingContext().getParent().inRoot()) {
          p.nextToken();
          while (p.nextToken() == JsonToken.START_OBJECT) {
            JsonNode t = p.readValueAsTree();
            int func = -1;
            for (JsonNode k : t.path("kernel_ids")) {
              if (k.asInt() >= 0) {
                func = k.asInt();
                break;
              }
            }
            out.put(Long.parseLong(t.path("task_id").asText()), func);
          }
          break;
        }
      }
    }
    return out;
  }

  private void sample(String name, double cycles) {
    samples.computeIfAbsent(name, k -> new ArrayList<>()).add(cycles * NS_PER_CYCLE);
  }

  /** The {@code q} quantile (nearest rank) of a figure, in ns. */
  public double quantile(String name, double q) {
    double[] v = samples.get(name).stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    int i = (int) Math.ceil(q * v.length) - 1;
    return v[Math.max(0, Math.min(v.length - 1, i))];
  }

  /** The median of a figure, rounded to whole microseconds, in ns: the profile's value. */
  public long medianNs(String name) {
    return Math.round(quantile(name, 0.5) / 1_000) * 1_000;
  }

  public int count(String name) {
    List<Double> v = samples.get(name);
    return v == null ? 0 : v.size();
  }

  public void print(PrintStream out) {
    out.printf("a2a3sim calibration from %d runs (num_cores=%d), host-simulated times on a loaded 2-core host%n", runs,
        cores);
    out.printf("%-16s %8s %12s %12s %12s %12s %12s%n", "figure", "n", "p10 us", "p25 us", "median us", "p75 us", "p90 us");
    for (String name : samples.keySet()) {
      out.printf("%-16s %8d %12.1f %12.1f %12.1f %12.1f %12.1f%n", name, count(name), quantile(name, 0.1) / 1e3,
          quantile(name, 0.25) / 1e3, quantile(name, 0.5) / 1e3, quantile(name, 0.75) / 1e3, quantile(name, 0.9) / 1e3);
    }
    out.printf("host share (submissions overlapping computing cores, first task window of each run):%n");
    out.printf("%-34s %8s %14s %14s %12s%n", "run", "submits", "us/submit", "cores (mean)", "us/core");
    long submit = medianNs("submitNs");
    hostShare.forEach((run, r) -> out.printf("%-34s %8d %14.1f %14.2f %12.1f%n", run, (long) r[1], r[0] / r[1] / 1e3,
        r[2] / r[1], (r[0] - r[1] * submit) / r[2] / 1e3));
    out.printf("pooled host share per computing core: %.1f us%n", hostShareNs(submit) / 1e3);
  }
}
