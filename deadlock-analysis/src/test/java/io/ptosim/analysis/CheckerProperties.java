package io.ptosim.analysis;

import io.ptosim.analysis.synthetic.ConsistentSnapshots;
import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.analysis.export.ExportScope;
import io.ptosim.analysis.export.WitnessExporter;
import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.text.SnapshotParser;
import io.ptosim.analysis.text.SnapshotPrinter;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.VerdictKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Properties of the checker over random stalls that obey the runtime's rules. */
class CheckerProperties {

  @Property(tries = 2000)
  void agreesWithANaiveReplayOfTheRulesWhenEdgesAreKnown(@ForAll long seed) {
    ConsistentSnapshots.Model model = ConsistentSnapshots.model(seed);
    Snapshot snapshot = model.snapshot();
    Verdict verdict = new StallChecker(snapshot).verdict();

    if (!snapshot.edgesKnown()) {
      assertThat(verdict.kind()).isNotEqualTo(VerdictKind.INVARIANT_VIOLATION);
      return;
    }
    assertThat(verdict.kind()).as(verdict.reason()).isNotEqualTo(VerdictKind.INVARIANT_VIOLATION);
    assertThat(verdict.certain()).isTrue();
    boolean retired = RuleOracle.headRetired(model);
    assertThat(verdict.kind() == VerdictKind.UNRETIRED_PROGRESS)
        .as("%s%n%s", verdict.reason(), SnapshotPrinter.print(snapshot))
        .isEqualTo(retired);
    if (verdict.kind() == VerdictKind.REAL_DEADLOCK) {
      assertThat(snapshot.orchestrator().kind()).isEqualTo(OrchestratorState.Kind.BLOCKED);
    }
  }

  @Property(tries = 500)
  void theVerdictDoesNotDependOnTheOrderOfTheLines(@ForAll long seed) throws Exception {
    Snapshot snapshot = ConsistentSnapshots.model(seed).snapshot();
    List<String> lines = new ArrayList<>(List.of(SnapshotPrinter.print(snapshot).split("\n")));
    Collections.shuffle(lines, new Random(seed));
    Snapshot shuffled = SnapshotParser.parse(String.join("\n", lines)).snapshot();

    StallChecker original = new StallChecker(snapshot);
    StallChecker reordered = new StallChecker(shuffled);
    assertThat(reordered.verdict()).isEqualTo(original.verdict());
    assertThat(new WitnessExporter(reordered, ExportScope.WHOLE_GRAPH).toDot())
        .isEqualTo(new WitnessExporter(original, ExportScope.WHOLE_GRAPH).toDot());
  }

  @Property(tries = 300)
  void theSameSnapshotGivesByteIdenticalOutput(@ForAll long seed) {
    Snapshot snapshot = ConsistentSnapshots.model(seed).snapshot();
    StallChecker first = new StallChecker(snapshot);
    StallChecker second = new StallChecker(snapshot);

    assertThat(second.verdict()).isEqualTo(first.verdict());
    assertThat(new WitnessExporter(second, ExportScope.WHOLE_GRAPH).toJson())
        .isEqualTo(new WitnessExporter(first, ExportScope.WHOLE_GRAPH).toJson());
  }
}
