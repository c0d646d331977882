package io.ptosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code --ring-heap R=BYTES}: one ring's heap, as upstream cases size a single ring (heap_empty_ring_rebase: ring 1). */
class RingHeapOptionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void oneSmallRingHeapStallsThatRingOnly() throws Exception {
    Cli small = Cli.run("run", "--workload", "paged-attention", "--case", "CaseSmall2", "--ring-heap", "2=1024", "--json");
    JsonNode o = JSON.readTree(small.out());
    assertThat(o.get("outcome").asText()).as(small.out()).isEqualTo("ABORTED");
    assertThat(o.get("errorCode").asInt()).isEqualTo(2);
    assertThat(o.get("stalls").get("count").asInt()).isPositive();
    for (JsonNode s : o.get("stalls").get("list")) {
      assertThat(s.get("ring").asInt()).isEqualTo(2);
    }
    Cli other = Cli.run("run", "--workload", "paged-attention", "--case", "CaseSmall2", "--ring-heap", "3=1024", "--json");
    assertThat(JSON.readTree(other.out()).get("outcome").asText()).as("CaseSmall2 allocates nothing on ring 3").isEqualTo("COMPLETED");
  }

  @Test
  void badValuesAreOneLineInputErrors() {
    for (String bad : new String[] {"1", "x=5", "4=1024", "1=abc"}) {
      Cli c = Cli.run("run", "--workload", "paged-attention", "--ring-heap", bad);
      assertThat(c.exit()).as(bad).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(c.err()).as(bad).startsWith("ptosim: --ring-heap").doesNotContain("Exception").hasLineCount(1);
    }
  }
}
