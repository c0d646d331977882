package io.ptosim.cli.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real Case1 (upstream main's paged attention Case1 AUTO, {@code pa-Case1-default}, {@code -rerun},
 * {@code -dep32768}): under {@code main-6ebaf77} on a2a3sim the default-size dependency-pool stalls
 * are unretired progress (the checker's progress certificate: the ring-2 head is COMPLETED and
 * retires once its consumers finish, none of them waiting for the orchestrator), so a patient
 * runtime completes at 16,384 entries; at 32,768 the pool never fills. Both real outcomes follow:
 * the default-size abort was the 500 ms wall-clock backstop firing on a loaded host during progress,
 * and the 32,768 run had no dependency-pool stall to time out. The built-in Case1 AUTO is the graph of
 * {@code pa-Case1-dep32768}'s deps.json ({@code GraphIdentityTest}). About 35-55 s (four Case1 runs).
 */
class RealCase1Test {

  private static PtosimRun.Result run(String policy, int depPool) {
    AgreementRow row = new AgreementRow("pa-Case1", "pa:auto:Case1", "-", "-", Integer.toString(depPool),
        EndState.completed(), java.util.Optional.empty());
    return PtosimRun.run(PtosimRun.args(row, java.nio.file.Path.of("."), "main-6ebaf77", List.of("--policy", policy, "--stalls", "all")));
  }

  private static List<JsonNode> stalls(PtosimRun.Result r, String resource) {
    List<JsonNode> out = new ArrayList<>();
    r.json().path("stalls").path("list").forEach(s -> {
      if (s.path("resource").asText().equalsIgnoreCase(resource)) {
        out.add(s);
      }
    });
    return out;
  }

  @Test
  void defaultPoolStallsAreUnretiredProgressAndThePatientRunCompletes() {
    PtosimRun.Result checker = run("checker", 16_384);
    assertEquals(EndState.completed(), checker.end(), checker.message());
    List<JsonNode> pool = stalls(checker, "dep_pool");
    assertFalse(pool.isEmpty(), "the default pool fills on Case1 (upstream: at about task 52,800)");
    for (JsonNode s : pool) {
      assertEquals("UNRETIRED_PROGRESS", s.path("verdict").asText(), s.toString());
      assertTrue(s.path("resumed").asBoolean(), s.toString());
    }
    assertTrue(checker.json().path("finding").path("reason").asText().contains("progress certificate"), checker.json().path("finding").toString());
    PtosimRun.Result patient = run("patient", 16_384);
    assertEquals(EndState.completed(), patient.end(), patient.message());
    assertEquals(pool.size(), stalls(patient, "dep_pool").size(), "the checker only judges; it does not change the run");
  }

  @Test
  void aPoolOf32768NeverFills() {
    for (String policy : List.of("checker", "patient")) {
      PtosimRun.Result r = run(policy, 32_768);
      assertEquals(EndState.completed(), r.end(), policy + ": " + r.message());
      assertEquals(List.of(), stalls(r, "dep_pool"), policy + ": no dependency-pool stall at 32,768 entries");
    }
  }
}
