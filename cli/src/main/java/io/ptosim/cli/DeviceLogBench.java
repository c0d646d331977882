package io.ptosim.cli;

import io.ptosim.analysis.upstream.ReferenceCorpus;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code ptosim bench device-log}: builds a log of about {@code sizeMb} MB from real lines (the
 * corpus logs, repeated) in a temporary folder, then times {@code wc -l} and {@code ptosim check}
 * at {@code -Xmx256m} on the same file in the same run, wall clock and CPU time both, as the
 * machine may be shared.
 */
final class DeviceLogBench {
  private static final long MB = 1_000_000L;

  private DeviceLogBench() {}

  static int run(long sizeMb, int rounds, Path source, PrintWriter out, PrintWriter err)
      throws IOException, InterruptedException {
    byte[] lines = realLines(source);
    Path dir = Files.createTempDirectory("ptosim-bench-log-");
    Path log = dir.resolve("log.txt");
    try {
      long size = build(log, lines, sizeMb * MB, err);
      List<Timing> wc = new ArrayList<>();
      List<Timing> check = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        err.println("bench device-log: round " + (i + 1) + "/" + rounds);
        err.flush();
        wc.add(timed(List.of("wc", "-l", log.toString())));
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), PtosimMain.class.getName(),
            "check", log.toString(), "--json"));
        Timing t = timed(java);
        if (t.exit != 0) {
          throw new IllegalStateException("ptosim check at -Xmx256m exited " + t.exit);
        }
        check.add(t);
      }
      Timing w = median(wc);
      Timing c = median(check);
      out.println(String.format(Locale.ROOT, "device log: %,d bytes (%.0f MB) of real lines (%s, repeated), median of %d",
          size, size / (double) MB, source, rounds));
      out.println("                         wall s   MB/s (wall)   cpu s   MB/s (cpu)");
      out.println(row("wc -l", w, size));
      out.println(row("ptosim check -Xmx256m", c, size));
      out.println(String.format(Locale.ROOT, "check / wc -l time ratio: %.2f (wall), %.2f (cpu); check includes JVM start",
          c.wall / w.wall, c.cpu / Math.max(w.cpu, 1e-3)));
      return ExitCodes.OK;
    } finally {
      Files.deleteIfExists(log);
      Files.deleteIfExists(dir);
    }
  }

  private static String row(String what, Timing t, long size) {
    return String.format(Locale.ROOT, "%-22s %8.2f %13.0f %7.2f %12.0f", what, t.wall, size / MB / t.wall, t.cpu,
        size / MB / Math.max(t.cpu, 1e-3));
  }

  /** The lines of every corpus log (or of {@code source} when it is a file). */
  private static byte[] realLines(Path source) throws IOException {
    if (Files.isRegularFile(source)) {
      return Files.readAllBytes(source);
    }
    if (!Files.isDirectory(source)) {
      throw new UserInputException("--log-source " + source + ": no such file or folder");
    }
    List<Path> logs;
    try (Stream<Path> s = Files.walk(source, 2)) {
      logs = s.filter(p -> p.getFileName().toString().equals("log.txt") || p.toString().endsWith(".log"))
          .sorted(Comparator.naturalOrder()).toList();
    }
    if (logs.isEmpty()) {
      throw new UserInputException("--log-source " + source + ": holds no log.txt");
    }
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    for (Path p : logs) {
      all.write(Files.readAllBytes(p));
    }
    return all.toByteArray();
  }

  private static long build(Path log, byte[] lines, long target, PrintWriter err) throws IOException {
    long written = 0;
    long nextReport = 0;
    try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(log), 1 << 20)) {
      while (written < target) {
        o.write(lines);
        written += lines.length;
        if (written >= nextReport) {
          err.println(String.format(Locale.ROOT, "bench device-log: writing %s, %d/%d MB", log, written / MB, target / MB));
          err.flush();
          nextReport += 200 * MB;
        }
      }
    }
    return written;
  }

  private record Timing(double wall, double cpu, int exit) {}

  private static Timing median(List<Timing> ts) {
    Timing[] sorted = ts.toArray(new Timing[0]);
    Arrays.sort(sorted, Comparator.comparingDouble(Timing::wall));
    return sorted[sorted.length / 2];
  }

  /** Runs {@code cmd} under /usr/bin/time, which reports the child's user and system CPU seconds. */
  private static Timing timed(List<String> cmd) throws IOException, InterruptedException {
    File times = File.createTempFile("ptosim-bench-", ".time");
    try {
      List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S", "-o", times.getPath()));
      full.addAll(cmd);
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      if (!p.waitFor(30, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException(cmd.get(0) + " did not finish in 30 minutes");
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      String[] f = Files.readString(times.toPath(), StandardCharsets.UTF_8).strip().split("\\s+");
      double cpu = Double.parseDouble(f[f.length - 2]) + Double.parseDouble(f[f.length - 1]);
      return new Timing(wall, cpu, p.exitValue());
    } finally {
      Files.deleteIfExists(times.toPath());
    }
  }

  static Path defaultSource() {
    return ReferenceCorpus.upstreamRuns().orElse(Path.of("../shared/upstream-runs"));
  }
}
