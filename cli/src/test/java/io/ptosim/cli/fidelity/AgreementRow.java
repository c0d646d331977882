package io.ptosim.cli.fidelity;

import com.google.common.base.Preconditions;
import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One row of a fidelity table (a TSV under {@code src/test/resources/fidelity}): a real run, the
 * graph and ring sizes that express it in ptosim, how it really ended, and, for a known disagreement
 * or a run that cannot be expressed, the explanation.
 *
 * <p>Columns: {@code run}, {@code graph} ({@code pa:auto|manual|partial-manual:CASE} for the built-in
 * paged attention, {@code deps:RUN} for the deps.json of that corpus run, {@code prog:NAME} for a program
 * file under {@code fidelity/programs} transcribed from the upstream test's orchestration, {@code none} when the run
 * cannot be expressed), {@code window}, {@code heap}, {@code dep_pool} ({@code -} for the default;
 * {@code heap} may be {@code R=BYTES} for one ring), {@code upstream} ({@link EndState#parse}) and
 * {@code explanation} (empty when the run must agree). Lines starting with {@code #} are comments.
 */
record AgreementRow(String run, String graph, String window, String heap, String depPool, EndState upstream,
    Optional<String> explanation) {

  AgreementRow {
    Preconditions.checkArgument(!run.isEmpty(), "run");
    Preconditions.checkArgument(graph.equals("none") || graph.startsWith("pa:") || graph.startsWith("deps:")
        || graph.startsWith("prog:"), "%s: graph '%s'", run, graph);
    Preconditions.checkArgument(!graph.equals("none") || explanation.isPresent(), "%s: a run that cannot be expressed needs its reason", run);
  }

  boolean expressible() {
    return !graph.equals("none");
  }

  static ImmutableList<AgreementRow> read(String resource) {
    InputStream in = AgreementRow.class.getResourceAsStream(resource);
    Preconditions.checkArgument(in != null, "no resource %s", resource);
    ImmutableList.Builder<AgreementRow> rows = ImmutableList.builder();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      boolean header = true;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        List<String> f = Splitter.on('\t').splitToList(line);
        Preconditions.checkArgument(f.size() == 6 || f.size() == 7, "%s line %s: %s fields, expected 6 or 7", resource, n, f.size());
        String why = f.size() == 7 ? f.get(6).trim() : "";
        rows.add(new AgreementRow(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), EndState.parse(f.get(5)),
            why.isEmpty() ? Optional.empty() : Optional.of(why)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows.build();
  }
}
