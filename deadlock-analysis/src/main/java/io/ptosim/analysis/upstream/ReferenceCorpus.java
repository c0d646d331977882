package io.ptosim.analysis.upstream;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the real runs of upstream simpler live: {@code shared/upstream-runs} (main at 6ebaf77) and
 * {@code shared/seed-era-runs} (PR #482 at 01d0723), beside the clone. The corpus is the ground truth
 * the model is measured against; a user's clone does not have it, so callers (tests, benches) ask
 * for it and either skip with {@link #MISSING} or, under CI, fail.
 *
 * <p>The folder is the system property {@code ptosim.shared} when set, else the first {@code shared}
 * folder found beside the working directory or one of its parents.
 */
public final class ReferenceCorpus {

  /** The message of a skip when the corpus is absent. */
  public static final String MISSING =
      "reference corpus not found: put shared/ (upstream-runs, seed-era-runs) beside the clone, or set -Dptosim.shared=DIR";

  private ReferenceCorpus() {}

  /** The {@code shared} folder, if it can be found. */
  public static Optional<Path> shared() {
    String property = System.getProperty("ptosim.shared", "");
    if (!property.isEmpty()) {
      Path p = Path.of(property);
      return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("upstream-runs"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** {@code shared/upstream-runs}, the runs of upstream main at 6ebaf77. */
  public static Optional<Path> upstreamRuns() {
    return shared().map(s -> s.resolve("upstream-runs")).filter(Files::isDirectory);
  }

  /** {@code shared/seed-era-runs}, the runs of PR #482 at 01d0723 and of main fb43ed3. */
  public static Optional<Path> seedEraRuns() {
    return shared().map(s -> s.resolve("seed-era-runs")).filter(Files::isDirectory);
  }

  /**
   * The corpus folder for a test: present, or empty when the test should skip with {@link #MISSING}.
   * Under {@code CI=true} an absent corpus is an error, since CI has it beside the clone.
   */
  public static Optional<Path> forTest(Optional<Path> folder) {
    if (folder.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(MISSING + " (CI=true: the corpus must be there)");
    }
    return folder;
  }

  /** The run folders of {@code upstream-runs}, by name. */
  public static ImmutableList<Path> runDirectories(Path upstreamRuns) {
    try (Stream<Path> s = Files.list(upstreamRuns)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("meta.json"))).sorted().collect(ImmutableList.toImmutableList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
