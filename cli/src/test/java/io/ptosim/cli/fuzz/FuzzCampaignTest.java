package io.ptosim.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.cli.progress.Progress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CI share of the fuzz harness: a few hundred cases per reader, seconds, not minutes. */
class FuzzCampaignTest {
  @Test
  void everyReaderEndsEveryCaseInAResultOrAOneLineErrorNamingWhere() throws Exception {
    Map<String, FuzzCounts> counts = new FuzzCampaign(FuzzTargets.all()).run(1200, 1, Progress.silent());
    assertThat(counts.keySet()).containsExactly("snapshot", "device-log", "program", "expect", "cli-flags", "deps-json");
    for (FuzzCounts c : counts.values()) {
      assertThat(c.problems()).as(c.target() + ": " + c.examples()).isZero();
      assertThat(c.cases()).isEqualTo(200);
      // the mutations reach both sides: some cases still parse, others are refused
      assertThat(c.accepted()).as(c.target()).isPositive();
      assertThat(c.rejected()).as(c.target()).isPositive();
    }
  }

  @Test
  void aCampaignIsReproducibleCaseByCase() throws Exception {
    Map<String, FuzzCounts> a = new FuzzCampaign(List.of(new ExpectTarget())).run(300, 7, Progress.silent());
    Map<String, FuzzCounts> b = new FuzzCampaign(List.of(new ExpectTarget())).run(300, 7, Progress.silent());
    assertThat(a.get("expect").accepted()).isEqualTo(b.get("expect").accepted());
    assertThat(a.get("expect").rejected()).isEqualTo(b.get("expect").rejected());
  }

  /** A reader that throws, answers in two lines, or names nowhere: the harness must count each. */
  private record Broken(String mode) implements FuzzTarget {
    @Override
    public String name() {
      return mode;
    }

    @Override
    public List<byte[]> seeds() {
      return List.of("x".getBytes());
    }

    @Override
    public FuzzOutcome read(byte[] input) {
      return switch (mode) {
        case "throws" -> throw new IllegalStateException("bug");
        case "two-lines" -> FuzzOutcome.rejected("line 1: bad\nat line 2");
        default -> FuzzOutcome.rejected("something is wrong");
      };
    }
  }

  @Test
  void theHarnessCountsExceptionsMultiLineAndUnlocatedRejections() throws Exception {
    Map<String, FuzzCounts> counts = new FuzzCampaign(List.of(new Broken("throws"), new Broken("two-lines"), new Broken("vague")))
        .run(30, 1, Progress.silent());
    assertThat(counts.get("throws").exceptions()).isEqualTo(10);
    assertThat(counts.get("two-lines").multiline()).isEqualTo(10);
    assertThat(counts.get("vague").unlocated()).isEqualTo(10);
    assertThat(counts.get("throws").examples().get(0)).contains("exception: java.lang.IllegalStateException: bug");
  }
}
