package io.ptosim.analysis.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.analysis.StallChecker;
import io.ptosim.analysis.text.ParsedSnapshot;
import io.ptosim.analysis.text.SnapshotParser;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.VerdictKind;
import io.ptosim.analysis.verdict.WitnessStep;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticSnapshotsTest {

  @Test
  void theChainRetiresItsHeadThroughEveryTask() {
    Verdict verdict = new StallChecker(SyntheticSnapshots.chain(1000, true)).verdict();

    assertThat(verdict.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
    assertThat(verdict.certain()).isTrue();
    // Scheduler, tasks 1 .. 999 and the head: the witness keeps 16 links at each end.
    assertThat(verdict.witness()).hasSize(29 + 1 + 33);
    assertThat(verdict.witness().get(0).text()).isEqualTo("task 1 READY -> completes");
    assertThat(verdict.witness().get(28).text()).isEqualTo("task 15 READY -> completes");
    assertThat(verdict.witness().get(29).text()).isEqualTo("... 969 more links of the same chain ...");
    assertThat(verdict.witness().get(30).text()).isEqualTo("task 984 completes -> releases task 985 fanin (2/2)");
    assertThat(verdict.witness().stream().skip(59).map(WitnessStep::text)).containsExactly(
        "task 999 READY -> completes",
        "task 999 completes -> releases task 0 fanout (2/2)",
        "task 0 CONSUMED",
        "ring 0 last_alive advances 0 -> 1");
  }

  @Test
  void withoutEdgesTheHeadsConsumerIsAssumedToBeTheNearestTask() {
    Verdict verdict = new StallChecker(SyntheticSnapshots.chain(1000, false)).verdict();

    assertThat(verdict.kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
    assertThat(verdict.certain()).isFalse();
    assertThat(verdict.witness()).extracting(WitnessStep::text).first().isEqualTo("task 1 READY -> completes");
  }

  @Test
  void theScopeCycleIsARealDeadlock() {
    Verdict verdict = new StallChecker(SyntheticSnapshots.scopeCycle(1000, true)).verdict();

    assertThat(verdict.kind()).isEqualTo(VerdictKind.REAL_DEADLOCK);
    assertThat(verdict.witness()).extracting(s -> s.vertex().label())
        .containsExactly("orchestrator", "ring 0 head task 0", "scope 1 end", "orchestrator");
  }

  @Test
  void theBenchFileFillsA32768Window(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("chain.txt");
    SyntheticSnapshots.writeChain(file, 32_767, true);

    ParsedSnapshot parsed = SnapshotParser.parse(file);
    assertThat(parsed.snapshot()).isEqualTo(SyntheticSnapshots.chain(32_767, true));
    assertThat(parsed.snapshot().rings().get(0).window()).isEqualTo(32_768);
    assertThat(parsed.snapshot().edges().orElseThrow()).hasSize(32_766);
    assertThat(new StallChecker(parsed.snapshot()).verdict().kind()).isEqualTo(VerdictKind.UNRETIRED_PROGRESS);
  }
}
