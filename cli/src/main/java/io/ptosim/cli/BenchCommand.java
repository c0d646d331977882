package io.ptosim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ptosim.analysis.bench.CheckerBench;
import io.ptosim.analysis.bench.ExhaustiveBench;
import io.ptosim.analysis.synthetic.SyntheticSnapshots;
import io.ptosim.des.bench.KernelBench;
import io.ptosim.properties.explore.ExploreBench;
import io.ptosim.scheduler.version.RuntimeVersions;
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
    description = {"Measure ptosim's own costs. WHAT is one of:",
        "  kernel         simulation kernel vs a plain priority-queue loop (1 and 1,000 pending events)",
        "  checker        stall classification at 16,384 / 32,768 / 65,536 live tasks",
        "  check-startup  'ptosim check' on a 32,767-task snapshot vs the seed, JVM start included",
        "  case1          full Case1 paged-attention runs (auto, partial-manual) on each runtime version, JVM start included",
        "  explore        explore's programs/s: one checker run per program, and whole campaigns, 1 vs --jobs threads",
        "  exhaustive     the checker against the exhaustive search on --snapshots random small snapshots"})
final class BenchCommand implements java.util.concurrent.Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "WHAT", description = "kernel | checker | check-startup | case1 | explore | exhaustive")
  String what;

  @Option(names = "--events", description = "kernel: events per timed round (default ${DEFAULT-VALUE})")
  long events = 1_000_000;

  @Option(names = "--rounds", description = "timed rounds or runs; the median is reported (default ${DEFAULT-VALUE})")
  int rounds = 7;

  @Option(names = "--seed-file", description = "check-startup: the seed snapshot (default ${DEFAULT-VALUE})")
  Path seedFile = Path.of("../shared/seeds/000_75e2500647e36491.txt");

  @Option(names = "--programs", description = "explore: programs per timed round (default ${DEFAULT-VALUE})")
  int programs = 2000;

  @Option(names = "--jobs", description = "explore: threads of the parallel figure (default ${DEFAULT-VALUE})")
  int jobs = 2;

  @Option(names = "--snapshots", description = "exhaustive: snapshots compared (default ${DEFAULT-VALUE})")
  int snapshots = 10_000;

  @Option(names = "--seed", description = "exhaustive: seed of the snapshot stream (default ${DEFAULT-VALUE})")
  long seed = 1;

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
      case "explore":
        return explore(out);
      case "exhaustive":
        if (snapshots < 1) {
          throw new UserInputException("--snapshots must be at least 1: " + snapshots);
        }
        ExhaustiveBench.run(snapshots, seed, out, spec.commandLine().getErr());
        return ExitCodes.OK;
      default:
        throw new UserInputException("unknown benchmark '" + what + "' (known: kernel, checker, check-startup, case1, explore, exhaustive)");
    }
  }

  private int explore(PrintWriter out) throws Exception {
    if (programs < 1 || jobs < 1) {
      throw new UserInputException("--programs and --jobs must be at least 1");
    }
    out.println(String.format(Locale.ROOT, "explore, seed 1, programs of 1..60 tasks, median of %d rounds (%d cores available):",
        rounds, Runtime.getRuntime().availableProcessors()));
    out.println("what                       threads  programs  programs/s  vs 1 thread  programs/CPU-s");
    List<ExploreBench.Result> all = new java.util.ArrayList<>(ExploreBench.checkerRuns(programs, jobs, rounds));
    all.addAll(ExploreBench.campaigns(Math.max(1, programs / 10), jobs, rounds));
    double base = 0;
    for (ExploreBench.Result r : all) {
      if (r.threads() == 1) {
        base = r.programsPerSecond();
      }
      out.println(String.format(Locale.ROOT, "%-26s %7d  %8d  %10.1f  %11.2f  %14s", r.what(), r.threads(), r.programs(),
          r.programsPerSecond(), r.programsPerSecond() / base,
          r.programsPerCpuSecond() > 0 ? String.format(Locale.ROOT, "%.1f", r.programsPerCpuSecond()) : "-"));
    }
    out.println(String.format(Locale.ROOT, "load average at the end: %.1f (other processes share these cores)",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    return ExitCodes.OK;
  }

  private int checkStartup(PrintWriter out) throws IOException, InterruptedException {
    if (!Files.isRegularFile(seedFile)) {
      throw new UserInputException("--seed-file " + seedFile + ": no such file");
    }
    Path big = Files.createTempFile("ptosim-bench-", ".txt");
    try {
      SyntheticSnapshots.writeChain(big, 32_767, false);
      double seed = medianCheck(seedFile);
      double large = medianCheck(big);
      out.println(String.format(Locale.ROOT, "ptosim check, JVM start included (median of %d):", rounds));
      out.println(String.format(Locale.ROOT, "  seed snapshot (4 tasks)   %8.1f ms", seed));
      out.println(String.format(Locale.ROOT, "  32,767-task snapshot      %8.1f ms", large));
      out.println(String.format(Locale.ROOT, "  ratio                     %8.2f", large / seed));
      return ExitCodes.OK;
    } finally {
      Files.deleteIfExists(big);
    }
  }

  private double medianCheck(Path file) throws IOException, InterruptedException {
    double[] ms = new double[rounds];
    for (int i = 0; i < rounds; i++) {
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
    out.println("Case1 paged attention (65,792 tasks), a2a3, each runtime version with its own stall policy, -Xmx1g, JVM start included:");
    out.println("runtime        mode            wall s  events   events/s (in run)  peak heap MiB  outcome");
    for (String runtime : RuntimeVersions.names().descendingSet()) {
      for (String mode : List.of("auto", "partial-manual")) {
        double[] wall = new double[rounds];
        JsonNode last = null;
        for (int i = 0; i < rounds; i++) {
          spec.commandLine().getErr().println("[bench case1] " + runtime + " " + mode + " round " + (i + 1) + "/" + rounds);
          Subprocess p = Subprocess.ptosim(List.of("-Xmx1g", "-XX:+UseSerialGC"),
              "run", "--workload", "paged-attention", "--case", "Case1", "--mode", mode, "--runtime", runtime, "--json");
          last = json.readTree(p.stdout());
          wall[i] = p.wallNanos() / 1e9;
        }
        Arrays.sort(wall);
        out.println(String.format(Locale.ROOT, "%-14s %-14s %7.2f  %7d  %17d  %13d  %s", runtime, mode, wall[rounds / 2],
            last.get("events").asLong(), last.get("perf").get("eventsPerSecond").asLong(),
            last.get("perf").get("peakHeapBytes").asLong() >> 20, last.get("outcome").asText()));
      }
    }
    return ExitCodes.OK;
  }

}
