package io.ptosim.cli.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.ptosim.analysis.upstream.ReferenceCorpus;
import io.ptosim.analysis.upstream.UpstreamLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed era: every run of {@code shared/seed-era-runs} that the model can express ends under
 * {@code --runtime pr482 --platform a2a3sim} as it did for real ({@code fidelity/seed-era.tsv}).
 */
class SeedEraAgreementTest {

  static final String TABLE = "/fidelity/seed-era.tsv";
  private static final Pattern RC = Pattern.compile("^# rc=(-?\\d+)");
  private static final Pattern ENV = Pattern.compile("env=PTO2_RING_TASK_WINDOW=(\\d+)");

  private static Path corpus;
  private static ImmutableList<AgreementRow> rows;

  @BeforeAll
  static void load() {
    Optional<Path> c = ReferenceCorpus.forTest(ReferenceCorpus.seedEraRuns());
    Assumptions.assumeTrue(c.isPresent(), ReferenceCorpus.MISSING);
    corpus = c.get();
    rows = AgreementRow.read(TABLE);
  }

  /** Each row's upstream column and window are what its log says (rc line, FATAL line, env in the header). */
  @Test
  void tableMatchesTheLogs() throws IOException {
    List<String> problems = new ArrayList<>();
    for (AgreementRow row : rows) {
      List<String> lines = Files.readAllLines(corpus.resolve(row.run() + ".log"), StandardCharsets.ISO_8859_1);
      EndState real = realEnd(lines);
      if (!real.toString().equals(row.upstream().toString())) {
        problems.add(row.run() + ": table says " + row.upstream() + ", the log says " + real);
      }
      Matcher env = ENV.matcher(lines.get(0));
      String window = env.find() ? env.group(1) : "-";
      if (!window.equals(row.window())) {
        problems.add(row.run() + ": window '" + row.window() + "' in the table, '" + window + "' in the log header");
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  /** Every expressible seed-era run ends under pr482 as it did for real. */
  @Test
  void everyExpressibleRunEndsAsItDidForReal() {
    List<String> unexplained = new ArrayList<>();
    StringBuilder table = new StringBuilder("| run | real | ptosim pr482 | agree? | explanation |\n|---|---|---|---|---|\n");
    int agree = 0;
    int expressible = 0;
    for (AgreementRow row : rows) {
      if (!row.expressible()) {
        table.append("| ").append(row.run()).append(" | ").append(row.upstream()).append(" | not expressed | – | ")
            .append(row.explanation().orElseThrow()).append(" |\n");
        continue;
      }
      expressible++;
      System.err.println("[seed era] " + row.run());
      PtosimRun.Result r = PtosimRun.run(PtosimRun.args(row, corpus, "pr482", List.of()));
      boolean ok = row.upstream().agreesWith(r.end());
      agree += ok ? 1 : 0;
      table.append("| ").append(row.run()).append(" | ").append(row.upstream()).append(" | ").append(r.end())
          .append(r.end().kind() == EndState.Kind.COMPLETED ? "" : " — " + r.message().lines().findFirst().orElse(""))
          .append(" | ").append(ok ? "yes" : "**no**").append(" | ").append(row.explanation().orElse("")).append(" |\n");
      if (!ok && row.explanation().isEmpty()) {
        unexplained.add(row.run() + ": real " + row.upstream() + ", ptosim " + r.end() + " (" + r.message() + ")");
      }
    }
    String text = "**" + agree + " of " + expressible + " expressible seed-era runs agree.**\n\n" + table;
    System.out.println(text);
    try {
      Path out = Path.of("target", "fidelity", "seed-era.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertEquals(List.of(), unexplained, "seed-era runs that disagree with no explanation in " + TABLE);
  }

  /** rc 0 is COMPLETED; a FATAL line is FATAL with the code its text stands for; a signal with no FATAL is a crash. */
  static EndState realEnd(List<String> lines) {
    UpstreamLog log = UpstreamLog.read(lines);
    int rc = lines.stream().map(RC::matcher).filter(Matcher::find).map(m -> Integer.parseInt(m.group(1))).reduce((a, b) -> b)
        .orElseThrow(() -> new IllegalStateException("no '# rc=' line"));
    if (log.fatal().isPresent()) {
      String f = log.fatal().get();
      int code = f.contains("Scope Deadlock") ? 1 : f.contains("Heap Exhausted") ? 2 : f.contains("Task Ring Full") ? 3
          : f.contains("Dependency Pool") ? 4 : -1;
      return EndState.fatal(code, log.ring());
    }
    if (rc == 0) {
      return EndState.completed();
    }
    return rc == 139 ? EndState.parse("CRASH SIGSEGV") : EndState.other("rc=" + rc);
  }
}
