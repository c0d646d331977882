package io.ptosim.analysis.exhaustive;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.ptosim.analysis.StallChecker;
import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.RingRecord;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.snapshot.TaskRecord;
import io.ptosim.analysis.snapshot.WaitResource;
import io.ptosim.analysis.synthetic.ConsistentSnapshots;
import io.ptosim.analysis.text.SnapshotPrinter;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.VerdictKind;
import java.util.OptionalLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * The scope-capacity rule against the exhaustive search: a rule-consistent snapshot whose blocked
 * orchestrator submits into the open scope that owns every live task of a full window (window =
 * live + 1) is a certain capacity deadlock for the checker, and the
 * search (which knows nothing of the rule) finds no future that retires the head.
 */
class ScopeCapacityAgreementProperties {

  @Property(tries = 2000)
  void aFullWindowOwnedByTheSubmitsScopeIsADeadlockForTheSearchToo(@ForAll long seed) {
    // About 2.5% of the drawn snapshots qualify (53 of 2,000 in the first run): the rule must be exercised.
    Statistics.coverage(coverage -> coverage.check("AGREE").count(n -> n >= 10));
    Snapshot drawn = ConsistentSnapshots.model(seed).snapshot();
    OptionalLong owner = owningOpenScope(drawn);
    if (!(drawn.orchestrator() instanceof OrchestratorState.Blocked blocked)
        || blocked.waiting() != WaitResource.TASK_RING || owner.isEmpty()) {
      Statistics.collect("not applicable");
      return;
    }
    RingRecord ring = drawn.rings().get(0);
    Snapshot full = new Snapshot(drawn.tasks(), drawn.edges(),
        ImmutableList.of(new RingRecord(ring.ring(), ring.liveCount() + 1, ring.lastAlive(), ring.current())),
        drawn.scopes(), new OrchestratorState.Blocked(WaitResource.TASK_RING, ring.ring(), 0, owner),
        drawn.pending(), drawn.evidence());

    Verdict verdict = new StallChecker(full).verdict();
    assertThat(verdict.kind()).as(SnapshotPrinter.print(full)).isEqualTo(VerdictKind.REAL_DEADLOCK);
    assertThat(verdict.reason()).contains("(capacity)");
    assertThat(verdict.certain()).isTrue();
    OracleComparison comparison = new OracleComparison(full, ExhaustiveSearch.Options.answerOnly());
    assertThat(comparison.outcome()).as("%s%n%s", comparison.reason(), SnapshotPrinter.print(full))
        .isIn(OracleComparison.Outcome.AGREE, OracleComparison.Outcome.SKIPPED_REFUSED);
    Statistics.collect(comparison.outcome().name());
  }

  /** The open scope that owns every live task of the only ring, if there is one. */
  private static OptionalLong owningOpenScope(Snapshot snapshot) {
    if (snapshot.rings().size() != 1 || snapshot.rings().get(0).liveCount() == 0) {
      return OptionalLong.empty();
    }
    RingRecord ring = snapshot.rings().get(0);
    long owner = -1;
    for (TaskRecord task : snapshot.tasks()) {
      if (task.id() < ring.lastAlive() || task.id() >= ring.current()) {
        continue;
      }
      long scope = task.scope().orElse(-1);
      if (scope < 0 || (owner >= 0 && scope != owner)) {
        return OptionalLong.empty();
      }
      owner = scope;
    }
    long id = owner;
    boolean open = snapshot.scopes().stream().anyMatch(s -> s.id() == id && s.open());
    return open ? OptionalLong.of(id) : OptionalLong.empty();
  }
}
