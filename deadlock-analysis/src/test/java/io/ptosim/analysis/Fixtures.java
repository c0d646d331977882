package io.ptosim.analysis;

import io.ptosim.analysis.graph.WaitVertex;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.text.SnapshotFormatException;
import io.ptosim.analysis.text.SnapshotParser;
import io.ptosim.analysis.verdict.Assumption;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.WitnessStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Snapshots written as text in tests, and views of verdicts that read well in assertions. */
public final class Fixtures {
  private Fixtures() {}

  /** The snapshot the lines describe (one record per argument). */
  public static Snapshot snapshot(String... lines) {
    try {
      return SnapshotParser.parse(String.join("\n", lines)).snapshot();
    } catch (SnapshotFormatException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The verdict on the snapshot the lines describe. */
  public static Verdict check(String... lines) {
    return new StallChecker(snapshot(lines)).verdict();
  }

  /** The witness texts. */
  public static List<String> texts(Verdict verdict) {
    return verdict.witness().stream().map(WitnessStep::text).toList();
  }

  /** The witness vertices. */
  public static List<WaitVertex> vertices(Verdict verdict) {
    return verdict.witness().stream().map(WitnessStep::vertex).toList();
  }

  /** The witness vertices' labels. */
  public static List<String> labels(Verdict verdict) {
    return verdict.witness().stream().map(s -> s.vertex().label()).toList();
  }

  /** The assumption texts. */
  public static List<String> assumptions(Verdict verdict) {
    return verdict.assumptions().stream().map(Assumption::text).toList();
  }

  /** The seed report (upstream issue #495), a pasted GitHub page, as a test resource. */
  public static Path seed() {
    try {
      return Path.of(Objects.requireNonNull(Fixtures.class.getResource("/seed-495.txt")).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The seed's text. */
  public static String seedText() {
    try {
      return Files.readString(seed());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Head RUNNING with a pending completion, its one consumer published: everything but a capacity
   * rule would progress (shared by the pool capacity tests).
   */
  public static final String[] PROGRESSING_TASKS = {
    "task=0 state=2 fanin=1/1 fanout=1/2 active_mask=1 done=0/1 block_num=1 next_block=1",
    "task=1 state=0 fanin=1/2 fanout=1/1 active_mask=2 done=0/1 block_num=1 next_block=0",
    "edge=0->1",
    "pending=complete at_ns=100 task=0",
  };

  /** A snapshot's lines: the ring record, the orchestrator record, then {@code rest}. */
  public static String[] with(String ring, String orchestrator, String... rest) {
    String[] lines = new String[rest.length + 2];
    lines[0] = ring;
    lines[1] = orchestrator;
    System.arraycopy(rest, 0, lines, 2, rest.length);
    return lines;
  }
}
