package io.ptosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TuneCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void jsonHasOneObjectPerResourceWithItsThresholds() throws Exception {
    Cli c = Cli.run("tune", "--workload", "scope-overflow", "--n", "20", "--ring-window", "4", "--resource", "window",
        "--json");
    assertThat(c.err()).isEmpty();
    JsonNode o = JSON.readTree(c.out());
    // A 20-task scope in a 4-slot window: the current size aborts (#277 pre-check), so exit 1.
    assertThat(c.exit()).isEqualTo(1);
    assertThat(o.get("runtime").asText()).isEqualTo("main-6ebaf77");
    assertThat(o.get("current").get("outcome").asText()).isEqualTo("ABORTED");
    assertThat(o.get("current").get("errorCode").asInt()).isEqualTo(1);
    JsonNode w = o.get("resources").get("window");
    assertThat(w.get("current").asLong()).isEqualTo(4);
    assertThat(w.get("minimum").asLong()).isEqualTo(32);
    assertThat(w.get("minimumPatient").asLong()).isEqualTo(32);
    assertThat(w.get("verdictBelow").asText()).isEqualTo("REAL_DEADLOCK");
    assertThat(w.get("recommendation").asText())
        .isEqualTo("PTO2_RING_TASK_WINDOW=4 is too small: set PTO2_RING_TASK_WINDOW=32 or more; below it: REAL_DEADLOCK");
    assertThat(o.get("resources").has("heap")).isFalse();
  }

  @Test
  void theTableEndsEachResourceWithItsRecommendation() {
    Cli c = Cli.run("tune", "--workload", "scope-overflow", "--n", "20", "--ring-window", "4", "--resource", "window");
    assertThat(c.out()).contains("window (PTO2_RING_TASK_WINDOW): current 4, minimum 32, minimum under patient 32, below it REAL_DEADLOCK")
        .contains("  => PTO2_RING_TASK_WINDOW=4 is too small");
  }

  @Test
  void anUnknownResourceIsOneLineAndExitTwo() {
    Cli c = Cli.run("tune", "--demo", "--resource", "cache");
    assertThat(c.exit()).isEqualTo(2);
    assertThat(c.err()).isEqualTo("ptosim: --resource: unknown resource 'cache' (known: window, heap, dep-pool, all)\n");
    Cli j = Cli.run("tune", "--demo", "--jobs", "0");
    assertThat(j.exit()).isEqualTo(2);
    assertThat(j.err()).isEqualTo("ptosim: --jobs must be in 1..256: 0\n");
  }
}
