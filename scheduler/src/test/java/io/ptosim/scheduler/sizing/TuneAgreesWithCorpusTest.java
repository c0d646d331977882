package io.ptosim.scheduler.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSet;
import io.ptosim.analysis.upstream.ReferenceCorpus;
import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.runtime.RingConfig;
import io.ptosim.scheduler.version.RuntimeVersions;
import io.ptosim.scheduler.workload.WorkloadParams;
import io.ptosim.scheduler.workload.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code tune}'s thresholds against every size pair of the real runs: for each paged-attention
 * example and case that the corpus ran at several sizes of one resource, every size that aborted
 * upstream lies below tune's minimum and every size that completed lies at or above it.
 *
 * <p>Case1 is left out: its default-size abort is the 500 ms wall-clock backstop on a loaded host
 * (the run's log says so), a timing outcome, not a size threshold (docs/fidelity.md).
 */
class TuneAgreesWithCorpusTest {

  private record Point(String run, long size, boolean completed) {}

  @Test
  void everyAbortedSizeIsBelowTheMinimumAndEveryCompletedSizeAtOrAboveIt() throws IOException {
    Optional<Path> corpus = ReferenceCorpus.forTest(ReferenceCorpus.upstreamRuns());
    Assumptions.assumeTrue(corpus.isPresent(), ReferenceCorpus.MISSING);
    Map<String, List<Point>> groups = new TreeMap<>();
    List<String> index = Files.readAllLines(corpus.get().resolve("INDEX.tsv"));
    for (String line : index.subList(1, index.size())) {
      String[] f = line.split("\t", -1);
      String mode = f[1].endsWith("paged_attention/test_paged_attention.py") ? "auto"
          : f[1].endsWith("paged_attention_manual_scope/test_paged_attention_manual_scope.py") ? "manual" : null;
      if (mode == null || f[2].equals("Case1")) {
        continue;
      }
      boolean completed = f[4].equals("COMPLETED");
      for (RingResource r : RingResource.values()) {
        long size;
        if (f[3].equals("default")) {
          size = r.current(RingConfig.defaults());
        } else if (f[3].startsWith(r.envVar() + "=") && !f[3].contains(",")) {
          size = Long.parseLong(f[3].substring(r.envVar().length() + 1));
        } else {
          continue;
        }
        groups.computeIfAbsent(mode + " " + f[2] + " " + r.cliName(), k -> new ArrayList<>()).add(new Point(f[0], size, completed));
      }
    }
    int pairs = 0;
    List<String> disagreements = new ArrayList<>();
    for (Map.Entry<String, List<Point>> g : groups.entrySet()) {
      List<Point> points = g.getValue();
      if (points.stream().allMatch(Point::completed) || points.size() < 2) {
        continue; // no threshold to bracket
      }
      String[] key = g.getKey().split(" ");
      RunConfig base = RunConfig.builder(Workloads.byName("paged-attention").program(WorkloadParams.defaults()
              .withCase(key[1]).withMode(WorkloadParams.Mode.parse(key[0]))))
          .runtime(RuntimeVersions.main()).platform(PlatformProfiles.a2a3sim()).build();
      RingResource r = RingResource.byName(key[2]);
      ResourceSizing s = new Tuner(base, 2, TuneListener.NONE).tune(ImmutableSet.of(r)).resources().get(r);
      for (Point p : points) {
        pairs++;
        boolean consistent = p.completed()
            ? s.minimum().isPresent() && s.minimum().getAsLong() <= p.size()
            : s.minimum().isEmpty() || p.size() < s.minimum().getAsLong();
        if (!consistent) {
          disagreements.add(p.run() + ": upstream " + (p.completed() ? "completed" : "aborted") + " at " + p.size()
              + ", tune minimum " + s.minimum());
        }
      }
    }
    assertThat(pairs).as("sizes bracketed").isGreaterThanOrEqualTo(20);
    assertThat(disagreements).isEmpty();
  }
}
