package io.ptosim.analysis;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.ptosim.analysis.graph.Dependencies;
import io.ptosim.analysis.graph.HoltReduction;
import io.ptosim.analysis.graph.TaskIndex;
import io.ptosim.analysis.graph.WaitForGraph;
import io.ptosim.analysis.graph.WaitForGraphBuilder;
import io.ptosim.analysis.graph.WaitVertex;
import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.verdict.InvariantViolation;
import io.ptosim.analysis.verdict.RealDeadlock;
import io.ptosim.analysis.verdict.UnretiredProgress;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.Violation;
import io.ptosim.analysis.verdict.WitnessStep;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers, for one stall snapshot: will the head of the ring the orchestrator waits on ever be
 * CONSUMED and advanced past? It checks the runtime's invariants, applies the capacity rules of
 * the dependency pool ({@link DepPoolCapacity}), the fanin spill pool ({@link FaninPoolCapacity})
 * and a scope ({@link ScopeCapacity}), builds the
 * wait-for graph,
 * reduces it (Holt) and reads the verdict off what is left; all of it at construction, in
 * O(tasks + edges), so that a simulation can afford one checker per allocator stall.
 */
public final class StallChecker {
  /** Invariant witnesses list at most this many violations (the verdict keeps them all). */
  static final int WITNESS_VIOLATIONS = 32;

  private final Snapshot snapshot;
  private final Verdict verdict;
  private final Optional<WaitForGraph> graph;
  private final Optional<HoltReduction> reduction;

  /** Checks {@code snapshot}. */
  public StallChecker(Snapshot snapshot) {
    this.snapshot = checkNotNull(snapshot, "snapshot");
    Dependencies dependencies = new Dependencies(new TaskIndex(snapshot));
    InvariantCheck.Findings findings = InvariantCheck.run(dependencies);
    Optional<RealDeadlock> capacity = new DepPoolCapacity(snapshot).deadlock()
        .or(() -> new FaninPoolCapacity(snapshot).deadlock())
        .or(() -> new ScopeCapacity(snapshot).deadlock());
    if (!findings.violations().isEmpty()) {
      verdict = violation(findings);
      graph = Optional.empty();
      reduction = Optional.empty();
    } else if (capacity.isPresent()) {
      verdict = capacity.get();
      graph = Optional.empty();
      reduction = Optional.empty();
    } else if (nothingToRetire(dependencies.index())) {
      verdict = new UnretiredProgress(
          "Nothing waits: the orchestrator is not blocked and ring " + snapshot.targetRing()
              + " holds no live task.",
          ImmutableList.of(new WitnessStep(new WaitVertex.Orchestrator(),
              "orchestrator is " + snapshot.orchestrator().kind().name().toLowerCase(Locale.ROOT))),
          ImmutableList.of());
      graph = Optional.empty();
      reduction = Optional.empty();
    } else {
      WaitForGraph built = WaitForGraphBuilder.build(dependencies);
      HoltReduction reduced = new HoltReduction(built);
      verdict = Decision.decide(dependencies, reduced);
      graph = Optional.of(built);
      reduction = Optional.of(reduced);
    }
  }

  private static boolean nothingToRetire(TaskIndex index) {
    Snapshot snapshot = index.snapshot();
    return snapshot.orchestrator().kind() != OrchestratorState.Kind.BLOCKED
        && index.ring(index.ringPosition(snapshot.targetRing())).liveCount() == 0;
  }

  private static Verdict violation(InvariantCheck.Findings findings) {
    ImmutableList<Violation> violations = findings.violations();
    Violation first = violations.get(0);
    String more = violations.size() == 1 ? "" : " (and " + (violations.size() - 1) + " more)";
    return new InvariantViolation(
        "Impossible state: " + first.text() + more + ".",
        violations.stream()
            .limit(WITNESS_VIOLATIONS)
            .map(v -> new WitnessStep(v.subject(), v.text()))
            .collect(ImmutableList.toImmutableList()),
        findings.assumptions(),
        violations);
  }

  /** The checked snapshot. */
  public Snapshot snapshot() {
    return snapshot;
  }

  /** The verdict. */
  public Verdict verdict() {
    return verdict;
  }

  /** The wait-for graph; empty when the snapshot broke an invariant or nothing waits. */
  public Optional<WaitForGraph> waitForGraph() {
    return graph;
  }

  /** The graph's reduction; empty exactly when {@link #waitForGraph()} is. */
  public Optional<HoltReduction> reduction() {
    return reduction;
  }
}
