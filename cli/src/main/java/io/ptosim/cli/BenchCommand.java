package io.ptosim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ptosim.analysis.bench.CheckerBench;
import io.ptosim.analysis.synthetic.SyntheticSnapshots;
import io.ptosim.des.bench.KernelBench;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Benchmarks, reported as ratios measured in one run (never as timed tests). */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Measure ptosim's own costs and robustness: kernel, checker, check-startup, case1, fuzz, device-log.",
        "WHAT is one of:",
        "  kernel         simulation kernel vs a plain priority-queue loop (1 and 1,000 pending events)",
        "  checker        stall classification at 16,384 / 32,768 / 65,536 live tasks",
        "  check-startup  'ptosim check' on a 32,767-task snapshot vs the seed, JVM start included",
        "  case1          full Case1 paged-attention runs (auto, partial-manual), JVM start included",
        "  fuzz           mutated inputs of every reader (--cases, --seed, --target): counts per reader;",
        "                 exit 1 when any case threw, hung, took over 2 s or was refused without naming where",
        "  device-log     'ptosim check' at -Xmx256m on a ~1 GB log of real lines vs 'wc -l' on the same file"})
final class BenchCommand implements java.util.concurrent.Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "WHAT", description = "kernel | checker | check-startup | case1 | fuzz | device-log")
  String what;

  @Option(names = "--cases", paramLabel = "N", description = "fuzz: cases in the campaign, spread over the readers (default ${DEFAULT-VALUE})")
  long cases = 10_000;

  @Option(names = "--seed", paramLabel = "S", description = "fuzz: seed of the campaign (default ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(names = "--target", paramLabel = "READER", description = "fuzz: only these readers (default: all)")
  List<String> targets = new java.util.ArrayList<>();

  @picocli.CommandLine.Mixin io.ptosim.cli.progress.ProgressOptions progressOptions;

  @Option(names = "--events", description = "kernel: events per timed round (default ${DEFAULT-VALUE})")
  long events = 1_000_000;

  @Option(names = "--rounds", description = "timed rounds or runs; the median is reported (default ${DEFAULT-VALUE})")
  int rounds = 7;

  @Option(names = "--seed-file", description = "check-startup: the seed snapshot (default ${DEFAULT-VALUE}, shipped with ptosim)")
  Path seedFile = Path.of("examples/seed-495.txt");

  @Option(names = "--size-mb", description = "device-log: size of the generated log in MB (default ${DEFAULT-VALUE})")
  long sizeMb = 1000;

  @Option(names = "--log-source", description = "device-log: a log file, or a folder of runs whose log.txt files are repeated (default: the corpus' upstream-runs)")
  Path logSource;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (rounds < 1) {
      throw new UserInputException("--rounds must be at least 1: " + rounds);
    }
    if (events < 1_000) {
      throw new UserInputException("--events must be at least 1000: " + events);
    }
    switch (what) {
      case "kernel":
        out.println("pending  plain ns/event  kernel ns/event  ratio");
        for (int pending : new int[] {1, 1000}) {
          KernelBench.Result r = KernelBench.measure(pending, events, 3, rounds);
          out.println(String.format(Locale.ROOT, "%7d  %14.1f  %15.1f  %5.2f", pending, r.plainNsPerEvent(), r.kernelNsPerEvent(), r.ratio()));
        }
        return ExitCodes.OK;
      case "checker":
        CheckerBench.run(Math.max(rounds, 11), out);
        return ExitCodes.OK;
      case "check-startup":
        return checkStartup(out);
      case "case1":
        return case1(out);
      case "fuzz":
        return fuzz(out);
      case "device-log":
        if (sizeMb < 1) {
          throw new UserInputException("--size-mb must be at least 1: " + sizeMb);
        }
        // Each round reads the whole file twice; three rounds keep a 1 GB run within minutes.
        return DeviceLogBench.run(sizeMb, Math.min(rounds, 3), logSource != null ? logSource : DeviceLogBench.defaultSource(),
            out, spec.commandLine().getErr());
      default:
        throw new UserInputException("unknown benchmark '" + what + "' (known: kernel, checker, check-startup, case1, fuzz, device-log)");
    }
  }

  private int fuzz(PrintWriter out) throws InterruptedException {
    if (cases < 1 || cases > 100_000_000L) {
      throw new UserInputException("--cases must be 1..100000000: " + cases);
    }
    List<io.ptosim.cli.fuzz.FuzzTarget> chosen;
    try {
      chosen = io.ptosim.cli.fuzz.FuzzTargets.named(targets);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--target: " + e.getMessage());
    }
    java.util.Map<String, io.ptosim.cli.fuzz.FuzzCounts> counts;
    long t0 = System.nanoTime();
    try (io.ptosim.cli.progress.Progress progress = progressOptions.progress(spec, "fuzz", cases)) {
      counts = new io.ptosim.cli.fuzz.FuzzCampaign(chosen).run(cases, seed, progress);
    }
    double wallS = (System.nanoTime() - t0) / 1e9;
    out.println(String.format(Locale.ROOT, "fuzz campaign: %d cases, seed %d, %.1f s", cases, seed, wallS));
    io.ptosim.cli.fuzz.FuzzCampaign.table(counts).forEach(out::println);
    long problems = 0;
    for (io.ptosim.cli.fuzz.FuzzCounts c : counts.values()) {
      problems += c.problems();
      for (String e : c.examples()) {
        out.println(c.target() + ": " + e);
      }
    }
    out.println(problems == 0 ? "every case ended in a result or a one-line input error naming where, within 2 s"
        : problems + " PROBLEM CASES (see above)");
    return problems == 0 ? ExitCodes.OK : ExitCodes.NOT_COMPLETED;
  }

  private int checkStartup(PrintWriter out) throws IOException, InterruptedException {
    if (!Files.isRegularFile(seedFile)) {
      throw new UserInputException("--seed-file: cannot read " + seedFile + ": no such file (run from the ptosim directory, or give --seed-file)");
    }
    Path big = Files.createTempFile("ptosim-bench-", ".txt");
    try {
      SyntheticSnapshots.writeChain(big, 32_767, false);
      double seed;
      double large;
      try (io.ptosim.cli.progress.Progress progress = progressOptions.progress(spec, "bench check-startup", 2L * rounds)) {
        seed = medianCheck(seedFile, progress, 0);
        large = medianCheck(big, progress, rounds);
      }
      out.println(String.format(Locale.ROOT, "ptosim check, JVM start included (median of %d):", rounds));
      out.println(String.format(Locale.ROOT, "  seed snapshot (4 tasks)   %8.1f ms", seed));
      out.println(String.format(Locale.ROOT, "  32,767-task snapshot      %8.1f ms", large));
      out.println(String.format(Locale.ROOT, "  ratio                     %8.2f", large / seed));
      return ExitCodes.OK;
    } finally {
      Files.deleteIfExists(big);
    }
  }

  private double medianCheck(Path file, io.ptosim.cli.progress.Progress progress, int done) throws IOException, InterruptedException {
    double[] ms = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      progress.update(done + i);
      Subprocess p = Subprocess.ptosim(List.of("-XX:+UseSerialGC"), "check", file.toString());
      if (p.exit() != 0) {
        throw new IllegalStateException("check " + file + " exited " + p.exit());
      }
      ms[i] = p.wallNanos() / 1e6;
    }
    Arrays.sort(ms);
    return ms[rounds / 2];
  }

  private int case1(PrintWriter out) throws IOException, InterruptedException {
    ObjectMapper json = new ObjectMapper();
    out.println("Case1 paged attention (65,792 tasks), a2a3, legacy policy, -Xmx1g, JVM start included:");
    out.println("mode            wall s  events   events/s (in run)  peak heap MiB  outcome");
    io.ptosim.cli.progress.Progress progress = progressOptions.progress(spec, "bench case1", 2L * rounds);
    int done = 0;
    for (String mode : List.of("auto", "partial-manual")) {
      double[] wall = new double[rounds];
      JsonNode last = null;
      for (int i = 0; i < rounds; i++) {
        progress.update(done++);
        Subprocess p = Subprocess.ptosim(List.of("-Xmx1g", "-XX:+UseSerialGC"),
            "run", "--workload", "paged-attention", "--case", "Case1", "--mode", mode, "--json");
        last = json.readTree(p.stdout());
        wall[i] = p.wallNanos() / 1e9;
      }
      Arrays.sort(wall);
      out.println(String.format(Locale.ROOT, "%-14s %7.2f  %7d  %17d  %13d  %s", mode, wall[rounds / 2], last.get("events").asLong(),
          last.get("perf").get("eventsPerSecond").asLong(), last.get("perf").get("peakHeapBytes").asLong() >> 20, last.get("outcome").asText()));
    }
    progress.close();
    return ExitCodes.OK;
  }
}
