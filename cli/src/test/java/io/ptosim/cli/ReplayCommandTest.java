package io.ptosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.properties.corpus.CorpusEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ptosim replay}: the repository's corpus replays exactly; an edited {@code .expect} names the differing field. */
class ReplayCommandTest {
  /** The properties module's corpus, seen from the cli module (surefire's working directory). */
  static final Path CORPUS = Path.of("../properties/src/test/resources/corpus");

  @TempDir Path dir;

  @Test
  void everyCorpusEntryReplays() throws IOException {
    List<String> args = new ArrayList<>(List.of("replay"));
    CorpusEntry.list(CORPUS).forEach(p -> args.add(p.toString()));
    assertThat(args).hasSizeGreaterThan(6);
    Cli r = Cli.run(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains((args.size() - 1) + " of " + (args.size() - 1) + " entries replay exactly");
  }

  @Test
  void anEditedExpectNamesTheField() throws IOException {
    Path program = copy("issue495-deferred-burst");
    Path expect = CorpusEntry.expectFile(program);
    String text = Files.readString(expect, StandardCharsets.UTF_8);
    // Edit the checker run's verdict of its second stall and the legacy run's trace hash.
    int checker = text.indexOf("\"policy\" : \"checker\"");
    int legacy = text.indexOf("\"policy\" : \"legacy\"");
    String legacyHash = text.substring(text.indexOf("\"trace_hash\" : \"", legacy) + 16, text.indexOf("\"trace_hash\" : \"", legacy) + 80);
    String edited = text.substring(0, checker) + text.substring(checker, legacy)
        .replaceFirst("\"UNRETIRED_PROGRESS\", \"UNRETIRED_PROGRESS\", \"UNRETIRED_PROGRESS\"",
            "\"UNRETIRED_PROGRESS\", \"REAL_DEADLOCK\", \"UNRETIRED_PROGRESS\"")
        + text.substring(legacy).replace(legacyHash, "0".repeat(64));
    assertThat(edited).isNotEqualTo(text);
    Files.writeString(expect, edited, StandardCharsets.UTF_8);

    Cli r = Cli.run("replay", program.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("DIFFERS runs[1] (checker) stall_verdicts: expected [UNRETIRED_PROGRESS, REAL_DEADLOCK, UNRETIRED_PROGRESS], got [UNRETIRED_PROGRESS, UNRETIRED_PROGRESS, UNRETIRED_PROGRESS]")
        .contains("DIFFERS runs[2] (legacy) trace_hash: expected " + "0".repeat(64) + ", got " + legacyHash)
        .contains("2 field(s) differ");
    Cli json = Cli.run("replay", "--json", program.toString());
    assertThat(json.exit()).isEqualTo(1);
    assertThat(Json.parse(json.out()).get("entries").get(0).get("differences").get(0).get("field").asText())
        .isEqualTo("stall_verdicts");
  }

  @Test
  void writesThePerfettoTimelineOfTheChosenRun() throws IOException {
    Path program = copy("issue277-scope-overflow");
    Path trace = dir.resolve("t.json");
    Cli r = Cli.run("replay", "--trace", trace.toString(), "--trace-policy", "checker", program.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    var doc = Json.parse(Files.readString(trace));
    assertThat(doc.get("traceEvents").size()).isGreaterThan(10);
    assertThat(Files.readString(trace)).contains("REAL_DEADLOCK");
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws IOException {
    Cli missing = Cli.run("replay", dir.resolve("nope.json").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err().strip()).startsWith("ptosim: ").contains("nope.json: no such file").doesNotContain("\n");
    Path program = copy("generated-stall");
    Files.writeString(CorpusEntry.expectFile(program), "{\"format\":\"ptosim-expect\"}");
    Cli bad = Cli.run("replay", "--json", program.toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("missing field");
    assertThat(Json.parse(bad.out()).get("error").asText()).contains("generated-stall.expect");
    Cli two = Cli.run("replay", "--trace", dir.resolve("t.json").toString(), program.toString(), program.toString());
    assertThat(two.exit()).isEqualTo(2);
    assertThat(two.err()).contains("give exactly one FILE");
  }

  private Path copy(String name) throws IOException {
    Path program = dir.resolve(name + ".json");
    Files.copy(CORPUS.resolve(name + ".json"), program);
    Files.copy(CorpusEntry.expectFile(CORPUS.resolve(name + ".json")), CorpusEntry.expectFile(program));
    return program;
  }
}
