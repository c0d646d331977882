package io.ptosim.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs ptosim itself in a fresh JVM, so that a benchmark can include JVM start. */
record Subprocess(int exit, String stdout, long wallNanos) {

  private static final long TIMEOUT_MINUTES = 10;

  static Subprocess ptosim(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(PtosimMain.class.getName());
    cmd.addAll(List.of(args));
    // Output goes to a file, so waiting with a timeout cannot be blocked by a full pipe.
    File out = File.createTempFile("ptosim-bench-", ".out");
    try {
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(cmd).redirectOutput(out).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException("benchmark child did not finish in " + TIMEOUT_MINUTES + " minutes");
      }
      long wall = System.nanoTime() - t0;
      return new Subprocess(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8), wall);
    } finally {
      Files.deleteIfExists(out.toPath());
    }
  }
}
