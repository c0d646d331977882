package io.ptosim.properties.corpus;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.ptosim.des.trace.TraceSink;
import io.ptosim.properties.run.Runs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Replays a corpus entry or counterexample (program file + {@code .expect}): runs each policy the
 * {@code .expect} lists with its settings and compares outcome, message, verdict, stall verdicts
 * and trace hash field by field. {@code ptosim replay} and the corpus test both replay through
 * this class.
 */
public final class Replayer {
  /** One entry replayed: what each run produced and where it differs from the expectation. */
  public record Result(CorpusEntry entry, ImmutableList<ExpectedRun> actual, ImmutableList<FieldDifference> differences) {
    public boolean matches() {
      return differences.isEmpty();
    }
  }

  private Replayer() {}

  /** Loads and replays {@code programFile}; an {@link IOException} names an unreadable or invalid file. */
  public static Result replay(Path programFile) throws IOException {
    return replay(CorpusEntry.load(programFile), policy -> List.of());
  }

  /**
   * Replays {@code entry}, feeding each run's events also to {@code sinks.apply(runIndex)} (e.g. a
   * Chrome trace writer for one run).
   */
  public static Result replay(CorpusEntry entry, Function<Integer, List<TraceSink>> sinks) {
    Preconditions.checkNotNull(entry, "entry");
    ImmutableList.Builder<ExpectedRun> actual = ImmutableList.builder();
    ImmutableList<ExpectedRun> expected = entry.expectation().runs();
    for (int i = 0; i < expected.size(); i++) {
      actual.add(ExpectedRun.of(Runs.run(entry.program(), entry.expectation().settings(), expected.get(i).policy(),
          sinks.apply(i))));
    }
    ImmutableList<ExpectedRun> runs = actual.build();
    return new Result(entry, runs, differences(expected, runs));
  }

  /** The fields of {@code actual} that differ from {@code expected}, run by run. */
  public static ImmutableList<FieldDifference> differences(List<ExpectedRun> expected, List<ExpectedRun> actual) {
    Preconditions.checkArgument(expected.size() == actual.size(), "%s runs expected, %s given", expected.size(), actual.size());
    ImmutableList.Builder<FieldDifference> out = ImmutableList.builder();
    for (int i = 0; i < expected.size(); i++) {
      ExpectedRun want = expected.get(i);
      ExpectedRun got = actual.get(i);
      field(out, i, want, "outcome", want.outcome(), got.outcome());
      field(out, i, want, "message", want.message(), got.message());
      field(out, i, want, "verdict", want.verdict(), got.verdict());
      field(out, i, want, "stall_verdicts", want.stallVerdicts().toString(), got.stallVerdicts().toString());
      field(out, i, want, "trace_hash", want.traceHash(), got.traceHash());
    }
    return out.build();
  }

  private static void field(ImmutableList.Builder<FieldDifference> out, int run, ExpectedRun want, String field, String expected,
      String actual) {
    if (!Objects.equals(expected, actual)) {
      out.add(new FieldDifference(run, want.policy(), field, expected, actual));
    }
  }
}
