package io.ptosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReproduceCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void listNamesEveryCataloguedIssue() {
    Cli c = Cli.run("reproduce", "--list");
    assertThat(c.exit()).isZero();
    assertThat(c.out().lines().map(l -> l.split("\\s+")[0]))
        .containsExactly("issue-1086", "issue-1468", "issue-1545", "issue-277", "issue-495");
  }

  @Test
  void unknownIdIsAnInputError() {
    Cli c = Cli.run("reproduce", "issue-1");
    assertThat(c.exit()).isEqualTo(2);
    assertThat(c.err()).isEqualTo("ptosim: unknown regression 'issue-1' (known: issue-1086, issue-1468, issue-1545, issue-277, issue-495, all)\n");
  }

  @Test
  void issue495TellsTheBrokenRebaseTheFixAndTheWhatIf() throws Exception {
    Cli c = Cli.run("reproduce", "issue-495", "--json");
    assertThat(c.exit()).as(c.out()).isZero();
    JsonNode o = JSON.readTree(c.out());
    assertThat(o.get("scenario").asText()).isEqualTo("issue-495");
    List<String> rows = new ArrayList<>();
    for (JsonNode run : o.get("runs")) {
      assertThat(run.get("matches").asBoolean()).as(run.toString()).isTrue();
      assertThat(run.get("runtime").asText()).isEqualTo("pr482");
      rows.add(run.get("policy").asText() + " " + run.get("switches") + " " + run.get("outcome").asText() + " "
          + (run.get("finding").isNull() ? "-" : run.get("finding").asText()) + (run.get("whatIf").isNull() ? "" : " what-if"));
    }
    assertThat(rows).containsExactly(
        "checker [\"publish-hidden-alloc\",\"ready-without-transition\"] ABORTED INVARIANT_VIOLATION",
        "checker [\"publish-hidden-alloc\"] ABORTED INVARIANT_VIOLATION",
        "checker [\"ready-without-transition\"] ABORTED INVARIANT_VIOLATION",
        "legacy [] COMPLETED -",
        "checker [] COMPLETED UNRETIRED_PROGRESS",
        "patient [] COMPLETED -",
        "legacy [] ABORTED SPIN_LIMIT what-if");
    JsonNode fixedChecker = o.get("runs").get(4);
    assertThat(fixedChecker.get("stalls").size()).isPositive();
    for (JsonNode s : fixedChecker.get("stalls")) {
      assertThat(s.get("verdict").asText()).isEqualTo("UNRETIRED_PROGRESS");
      assertThat(s.get("resumed").asBoolean()).isTrue();
    }
    assertThat(o.get("runs").get(6).get("message").asText()).startsWith("FATAL: Task Allocator Deadlock - Task Ring Full!");
    assertThat(o.get("runs").get(6).get("whatIf").asText()).contains("10 ns").contains("No real run");
  }

  @Test
  void theWholeCatalogueReproduces() {
    Cli c = Cli.run("reproduce", "all");
    assertThat(c.exit()).as(c.out()).isZero();
    assertThat(c.out()).endsWith("every run reproduced as catalogued\n").doesNotContain("NO:");
  }
}
