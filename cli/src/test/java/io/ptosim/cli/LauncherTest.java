package io.ptosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code ./ptosim} launcher on a temporary copy with a stand-in {@code mvn} (sleeps, counts its
 * builds, writes the jar) and {@code java} (prints its arguments), so that the build lock, the
 * build line, the exit status of a failed build and the choice of collector are tested without
 * building anything.
 */
class LauncherTest {
  @TempDir Path tmp;
  private Path home;
  private Path bin;

  private record Run(int exit, String out, String err) {}

  @BeforeEach
  void setUp() throws Exception {
    home = tmp.resolve("ptosim");
    bin = tmp.resolve("bin");
    Files.createDirectories(home.resolve("cli/src/main/java"));
    Files.createDirectories(bin);
    Files.copy(Path.of("../ptosim"), home.resolve("ptosim"));
    Files.writeString(home.resolve("cli/src/main/java/A.java"), "class A {}\n");
    script("mvn", "#!/usr/bin/env bash\n"
        + "echo build >> \"$PWD/builds.txt\"\n"
        + "sleep 2\n"
        + "[ -n \"${FAKE_MVN_FAIL:-}\" ] && { echo 'BUILD FAILURE'; exit 1; }\n"
        + "mkdir -p cli/target && echo jar > cli/target/ptosim-all.jar\n");
    script("java", "#!/usr/bin/env bash\necho \"java $*\"\n");
    executable(home.resolve("ptosim"));
  }

  private void script(String name, String text) throws Exception {
    Files.writeString(bin.resolve(name), text);
    executable(bin.resolve(name));
  }

  private static void executable(Path p) throws Exception {
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Process start(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(home.resolve("ptosim").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
    pb.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
    pb.environment().remove("PTOSIM_JAVA_OPTS");
    pb.environment().putAll(env);
    return pb.start();
  }

  private static Run finish(Process p) throws Exception {
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private long builds() throws Exception {
    Path f = home.resolve("builds.txt");
    return Files.exists(f) ? Files.readAllLines(f).size() : 0;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void twoConcurrentLaunchesWithAStaleJarBuildOnceAndBothRun(boolean mkdirLock) throws Exception {
    Map<String, String> env = mkdirLock ? Map.of("PTOSIM_NO_FLOCK", "1") : Map.of();
    Process a = start(env, "--version");
    Process b = start(env, "--version");
    Run ra = finish(a);
    Run rb = finish(b);
    assertThat(ra.exit()).as(ra.err()).isZero();
    assertThat(rb.exit()).as(rb.err()).isZero();
    assertThat(builds()).isEqualTo(1);
    assertThat(ra.out()).contains("-jar " + home.resolve("cli/target/ptosim-all.jar") + " --version");
    assertThat(rb.out()).contains("--version");
    assertThat((ra.err() + rb.err()).lines().filter(l -> l.equals("ptosim: building ptosim (first run, ~30 s)...")).count())
        .isEqualTo(1);
    assertThat(Files.exists(home.resolve(".ptosim-build.lock.d"))).isFalse();
  }

  @Test
  void aFreshJarIsNotRebuiltAndATouchedSourceIs() throws Exception {
    assertThat(finish(start(Map.of(), "--version")).exit()).isZero();
    assertThat(finish(start(Map.of(), "--version")).exit()).isZero();
    assertThat(builds()).isEqualTo(1);
    Path src = home.resolve("cli/src/main/java/A.java");
    assertThat(src.toFile().setLastModified(System.currentTimeMillis() + 5_000)).isTrue();
    Run r = finish(start(Map.of(), "--version"));
    assertThat(r.exit()).isZero();
    assertThat(builds()).isEqualTo(2);
  }

  @Test
  void aFailedBuildExitsThreeWithTheBuildOutput() throws Exception {
    Run r = finish(start(Map.of("FAKE_MVN_FAIL", "1"), "--version"));
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("ptosim: build failed:", "BUILD FAILURE");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void theSerialCollectorIsChosenOnlyWhenTheOptionsNameNone() throws Exception {
    assertThat(finish(start(Map.of(), "x")).out()).startsWith("java -XX:+UseSerialGC -jar ");
    assertThat(finish(start(Map.of("PTOSIM_JAVA_OPTS", "-Xmx2g -XX:+UseG1GC"), "x")).out())
        .startsWith("java -Xmx2g -XX:+UseG1GC -jar ").doesNotContain("SerialGC");
    assertThat(finish(start(Map.of("PTOSIM_JAVA_OPTS", "-Xmx2g"), "x")).out()).startsWith("java -XX:+UseSerialGC -Xmx2g -jar ");
  }
}
