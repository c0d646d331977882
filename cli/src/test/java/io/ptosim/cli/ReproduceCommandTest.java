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
    assertThat(c.out().lines().filter(l -> !l.startsWith(" ")).map(l -> l.split("\\s+")[0]))
        .containsExactly("id", "issue-1086", "issue-1468", "issue-1545", "issue-1610", "issue-2260", "issue-277", "issue-495",
            "issue-959", "pypto-lib-122");
    assertThat(c.out()).contains("issue-1610     simpler#1610   main-6ebaf77  structural deadlock detection made scope-aware\n")
        .contains("verdict: a bigger window only postpones it");
  }

  @Test
  void unknownIdIsAnInputError() {
    Cli c = Cli.run("reproduce", "issue-1");
    assertThat(c.exit()).isEqualTo(2);
    assertThat(c.err()).isEqualTo("ptosim: unknown regression 'issue-1' (known: issue-1086, issue-1468, issue-1545, issue-1610, issue-2260, issue-277, issue-495, issue-959, pypto-lib-122, all)\n");
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
  void issue1545RunsOnPr482WithoutAFaultAndMainCompletesTheSameProgram() throws Exception {
    Cli c = Cli.run("reproduce", "issue-1545", "--json");
    assertThat(c.exit()).as(c.out()).isZero();
    JsonNode o = JSON.readTree(c.out());
    assertThat(o.get("runtime").asText()).isEqualTo("pr482");
    List<String> rows = new ArrayList<>();
    for (JsonNode run : o.get("runs")) {
      assertThat(run.get("matches").asBoolean()).as(run.toString()).isTrue();
      assertThat(run.get("whatIf").isNull()).isTrue();
      rows.add(run.get("runtime").asText() + " " + run.get("policy").asText() + " " + run.get("switches") + " "
          + run.get("outcome").asText() + " " + (run.get("finding").isNull() ? "-" : run.get("finding").asText()));
    }
    assertThat(rows).containsExactly(
        "pr482 patient [] QUIESCENT_BLOCKED QUIESCENT",
        "pr482 checker [] ABORTED LOST_WAKEUP",
        "main-6ebaf77 patient [] COMPLETED -",
        "main-6ebaf77 checker [] COMPLETED UNRETIRED_PROGRESS");
    assertThat(o.get("runs").get(1).get("message").asText())
        .contains("ring 2 head task 8589934595 is CONSUMED but last_alive was never advanced past it");
  }

  @Test
  void issue277RunsTheRealSeedEraAndMainConfigurations() throws Exception {
    Cli c = Cli.run("reproduce", "issue-277", "--json");
    assertThat(c.exit()).as(c.out()).isZero();
    List<String> rows = new ArrayList<>();
    for (JsonNode run : JSON.readTree(c.out()).get("runs")) {
      assertThat(run.get("matches").asBoolean()).as(run.toString()).isTrue();
      rows.add(run.get("runtime").asText() + " " + run.get("policy").asText() + " " + run.get("outcome").asText() + " "
          + run.get("message").asText().lines().findFirst().orElse(""));
    }
    assertThat(rows).hasSize(8);
    assertThat(rows.get(0)).isEqualTo("pr482 legacy ABORTED FATAL: Scope Deadlock Detected! (ring 2)");
    assertThat(rows.get(3)).isEqualTo("pr482 legacy COMPLETED completed 4112 tasks in 11167783500 ns");
    assertThat(rows.get(5)).isEqualTo("main-6ebaf77 scope-aware ABORTED FATAL: Scope Deadlock Detected! (ring 1)");
    assertThat(rows.get(7)).startsWith("main-6ebaf77 scope-aware COMPLETED completed 33 tasks");
  }

  @Test
  void issue2260EndsInMainsS3TimeoutAndTheCheckerNamesTheLostCompletion() throws Exception {
    Cli c = Cli.run("reproduce", "issue-2260", "--json");
    assertThat(c.exit()).as(c.out()).isZero();
    JsonNode o = JSON.readTree(c.out());
    List<String> rows = new ArrayList<>();
    for (JsonNode run : o.get("runs")) {
      assertThat(run.get("matches").asBoolean()).as(run.toString()).isTrue();
      assertThat(run.get("runtime").asText()).isEqualTo("main-6ebaf77");
      rows.add(run.get("policy").asText() + " " + run.get("switches") + " " + run.get("outcome").asText() + " "
          + (run.get("finding").isNull() ? "-" : run.get("finding").asText()));
    }
    assertThat(rows).containsExactly(
        "scope-aware [\"lost-deferred-completion\"] ABORTED -",
        "patient [\"lost-deferred-completion\"] ABORTED -",
        "checker [\"lost-deferred-completion\"] ABORTED -",
        "scope-aware [\"lost-deferred-completion\"] ABORTED BACKSTOP",
        "patient [\"lost-deferred-completion\"] QUIESCENT_BLOCKED QUIESCENT",
        "checker [\"lost-deferred-completion\"] ABORTED LOST_WAKEUP",
        "scope-aware [] COMPLETED -",
        "checker [] COMPLETED UNRETIRED_PROGRESS");
    assertThat(o.get("runs").get(0).get("message").asText()).endsWith("sub_class=S3:ready-but-all-idle completed=1/111"
        + " running=0 ready=1 waiting=109 orch_done=1 stuck_task_id=-1 stuck_core=-1");
    assertThat(o.get("runs").get(5).get("message").asText()).contains("task 4294967297 is RUNNING with fanin 2/2 and all"
        + " its blocks done (1/1): it is on no core and in no ready queue, yet its completion was never recorded");
  }

  @Test
  void theWholeCatalogueReproduces() {
    Cli c = Cli.run("reproduce", "all");
    assertThat(c.exit()).as(c.out()).isZero();
    assertThat(c.out()).endsWith("every run reproduced as catalogued\n").doesNotContain("NO:");
  }
}
