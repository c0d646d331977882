package io.ptosim.cli.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Outcome agreement with the real runtime: every run of {@code shared/upstream-runs} (upstream main
 * at 6ebaf77 on a2a3sim), simulated under {@code --runtime main-6ebaf77 --platform a2a3sim} with the
 * run's ring sizes and its graph, ends as it really did. The mapping and the known disagreements are
 * {@code fidelity/outcome-agreement.tsv}; the table is printed and written to
 * {@code target/fidelity/outcome-agreement.md} (with {@code -Dptosim.fidelity.doc=../docs/fidelity.md}
 * also into that file's "Outcome agreement" section).
 */
class OutcomeAgreementTest {

  static final String TABLE = "/fidelity/outcome-agreement.tsv";
  static final String HEADING = "Outcome agreement";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path corpus;
  private static ImmutableList<AgreementRow> rows;

  @BeforeAll
  static void load() {
    Optional<Path> c = ReferenceCorpus.forTest(ReferenceCorpus.upstreamRuns());
    Assumptions.assumeTrue(c.isPresent(), ReferenceCorpus.MISSING);
    corpus = c.get();
    rows = AgreementRow.read(TABLE);
  }

  /** The table names every run of the corpus once, and its upstream column and sizes are what the run's own files say. */
  @Test
  void tableMatchesTheCorpus() throws IOException {
    Set<String> inCorpus = ReferenceCorpus.runDirectories(corpus).stream().map(p -> p.getFileName().toString())
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> inTable = rows.stream().map(AgreementRow::run).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(rows.size(), inTable.size(), "a run is listed twice");
    assertEquals(inCorpus, inTable, "the table lists exactly the corpus's runs");
    List<String> problems = new ArrayList<>();
    for (AgreementRow row : rows) {
      Path dir = corpus.resolve(row.run());
      EndState real = realEnd(dir);
      if (!real.toString().equals(row.upstream().toString())) {
        problems.add(row.run() + ": table says " + row.upstream() + ", the run's meta.json and log say " + real);
      }
      UpstreamLog log = log(dir);
      if (log.ringSizes().isPresent()) {
        UpstreamLog.RingSizes s = log.ringSizes().get();
        check(problems, row, "window", row.window(), s.taskWindow(), 16_384L);
        check(problems, row, "heap", row.heap(), s.heap(), 256L << 20);
        check(problems, row, "dep_pool", row.depPool(), s.depPool(), 16_384L);
      } else if (row.expressible()) {
        problems.add(row.run() + ": its log prints no ring sizes to check the row against");
      }
      if (row.graph().startsWith("deps:")) {
        Path deps = PtosimRun.depsOf(corpus.resolve(row.graph().substring(5)));
        JsonNode meta = meta(dir);
        JsonNode source = meta(deps.getParent());
        if (!Files.isRegularFile(deps) || !source.path("example").equals(meta.path("example"))
            || !source.path("case").equals(meta.path("case"))) {
          problems.add(row.run() + ": " + row.graph() + " is not a deps.json of the same example and case");
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  /** Every expressible run without an explanation ends in ptosim as it did for real. */
  @Test
  void everyRunEndsAsItDidForReal() throws IOException {
    List<Line> lines = new ArrayList<>();
    int i = 0;
    for (AgreementRow row : rows) {
      i++;
      if (!row.expressible()) {
        lines.add(new Line(row, Optional.empty()));
        continue;
      }
      System.err.printf("[outcome agreement] %d/%d %s%n", i, rows.size(), row.run());
      lines.add(new Line(row, Optional.of(PtosimRun.run(PtosimRun.args(row, corpus, "main-6ebaf77", List.of())))));
    }
    String table = render(lines);
    System.out.println(table);
    Path out = Path.of("target", "fidelity", "outcome-agreement.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table, StandardCharsets.UTF_8);
    String doc = System.getProperty("ptosim.fidelity.doc", "");
    if (!doc.isEmpty()) {
      DocSection.replace(Path.of(doc), HEADING, table);
    }
    List<String> unexplained = lines.stream().filter(l -> l.result.isPresent() && !l.agrees() && l.row.explanation().isEmpty())
        .map(l -> l.row.run() + ": upstream " + l.row.upstream() + ", ptosim " + l.result.get().end() + " (" + l.result.get().message() + ")")
        .toList();
    List<String> stale = lines.stream().filter(l -> l.agrees() && l.row.explanation().isPresent()).map(l -> l.row.run()).toList();
    if (!stale.isEmpty()) {
      System.err.println("[outcome agreement] these runs agree now; drop their explanation from " + TABLE + ": " + stale);
    }
    assertTrue(unexplained.isEmpty(), unexplained.size() + " runs disagree with no explanation in " + TABLE + ":\n"
        + String.join("\n", unexplained));
  }

  record Line(AgreementRow row, Optional<PtosimRun.Result> result) {
    boolean agrees() {
      return result.isPresent() && row.upstream().agreesWith(result.get().end());
    }
  }

  static String render(List<Line> lines) {
    long expressible = lines.stream().filter(l -> l.result.isPresent()).count();
    long agree = lines.stream().filter(Line::agrees).count();
    StringBuilder sb = new StringBuilder();
    sb.append("Generated by `OutcomeAgreementTest` (cli) from `cli/src/test/resources/fidelity/outcome-agreement.tsv`: every run of\n")
        .append("`shared/upstream-runs` simulated with `--runtime main-6ebaf77 --platform a2a3sim` and the run's ring sizes\n")
        .append("(as its log's `Ring buffer sizes` line prints them). The ring is the one the FATAL line names (`ring=R`,\n")
        .append("`(ring R)`; the dependency-pool report names none). Regenerate with\n")
        .append("`mvn -B -o -pl cli -am verify -Dtest='OutcomeAgreementTest' -Dsurefire.failIfNoSpecifiedTests=false -Dptosim.fidelity.doc=$PWD/docs/fidelity.md`.\n\n")
        .append("**").append(agree).append(" of ").append(expressible).append(" expressible runs agree** (")
        .append(lines.size() - expressible).append(" of ").append(lines.size()).append(" runs cannot be expressed; listed last).\n\n")
        .append("| run | upstream | ptosim | agree? | explanation |\n|---|---|---|---|---|\n");
    for (Line l : lines) {
      if (l.result.isEmpty()) {
        continue;
      }
      PtosimRun.Result r = l.result.get();
      String ptosim = cell(r.end().toString()) + (r.end().kind() != EndState.Kind.FATAL ? "" : " — " + cell(r.message()));
      sb.append("| ").append(l.row.run()).append(" | ").append(l.row.upstream()).append(" | ").append(ptosim)
          .append(" | ").append(l.agrees() ? "yes" : "**no**").append(" | ")
          .append(l.agrees() && l.row.explanation().isPresent() ? "(explanation stale: agrees now) " : "")
          .append(cell(l.row.explanation().orElse(""))).append(" |\n");
    }
    sb.append("\nRuns the model cannot express:\n\n| run | upstream | reason |\n|---|---|---|\n");
    for (Line l : lines) {
      if (l.result.isEmpty()) {
        sb.append("| ").append(l.row.run()).append(" | ").append(l.row.upstream()).append(" | ")
            .append(cell(l.row.explanation().orElseThrow())).append(" |\n");
      }
    }
    return sb.toString();
  }

  private static String cell(String s) {
    String one = s.lines().findFirst().orElse("").replace("|", "\\|");
    if (corpus != null) {
      one = one.replace(corpus.toAbsolutePath().normalize() + "/", "").replace(corpus + "/", "");
    }
    return one.length() > 160 ? one.substring(0, 157) + "..." : one;
  }

  private static void check(List<String> problems, AgreementRow row, String what, String cell, List<Long> printed, long dflt) {
    String expected;
    if (printed.stream().distinct().count() == 1) {
      expected = printed.get(0) == dflt ? "-" : Long.toString(printed.get(0));
    } else {
      List<String> differing = new ArrayList<>();
      for (int r = 0; r < printed.size(); r++) {
        if (printed.get(r) != dflt) {
          differing.add(r + "=" + printed.get(r));
        }
      }
      expected = String.join(",", differing);
    }
    if (!expected.equals(cell)) {
      problems.add(row.run() + ": " + what + " is '" + cell + "' in the table, the log prints " + printed);
    }
  }

  /** How the run really ended: meta.json's outcome and error_code, the ring from the log's first FATAL line. */
  static EndState realEnd(Path dir) throws IOException {
    JsonNode meta = meta(dir);
    String outcome = meta.path("outcome").asText();
    return switch (outcome) {
      case "COMPLETED" -> EndState.completed();
      case "NOT_RUN" -> EndState.parse("NOT_RUN");
      case "FATAL" -> {
        String code = meta.path("error_code").asText().replaceAll("^(\\d+).*", "$1");
        OptionalInt ring = log(dir).ring();
        yield EndState.fatal(Integer.parseInt(code), ring);
      }
      default -> EndState.other(outcome);
    };
  }

  static UpstreamLog log(Path dir) throws IOException {
    return UpstreamLog.read(Files.readAllLines(dir.resolve("log.txt"), StandardCharsets.ISO_8859_1));
  }

  static JsonNode meta(Path dir) throws IOException {
    return JSON.readTree(dir.resolve("meta.json").toFile());
  }
}
