package io.ptosim.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSet;
import io.ptosim.scheduler.version.RuntimeVersions;
import io.ptosim.analysis.StallChecker;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.snapshot.TaskRecord;
import io.ptosim.analysis.snapshot.TaskState;
import io.ptosim.analysis.snapshot.TraceEvidence;
import io.ptosim.analysis.snapshot.TraceKind;
import io.ptosim.analysis.text.SnapshotParser;
import io.ptosim.analysis.text.SnapshotPrinter;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.VerdictKind;
import io.ptosim.des.kernel.RunLimits;
import io.ptosim.des.kernel.RunResult;
import io.ptosim.des.kernel.SimKernel;
import io.ptosim.des.kernel.StopReason;
import io.ptosim.des.platform.PlatformProfile;
import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.des.trace.TraceRecorder;
import io.ptosim.scheduler.fault.Fault;
import io.ptosim.scheduler.policy.StallContext;
import io.ptosim.scheduler.policy.StallDecision;
import io.ptosim.scheduler.policy.StallFinding;
import io.ptosim.scheduler.policy.StallPolicies;
import io.ptosim.scheduler.policy.StallPolicy;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.workload.PagedAttention;
import io.ptosim.scheduler.workload.PagedAttentionCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stall snapshot as `ptosim check` reads it: at the checker policy's judgements of correct
 * partial-manual runs, the printed snapshot carries one {@code ready(local)} line per queued task,
 * only for READY tasks (and for every READY task: single-block tasks are READY exactly while
 * queued), and parsing it back gives the verdict the in-simulation checker gave.
 */
class StallSnapshotTextTest {
  /** Judgements compared per run (a snapshot, its text and two checks each). */
  private static final int LIMIT = 40;

  /** One judgement: the in-simulation finding, and the verdict and evidence of the printed snapshot. */
  private record Compared(String when, StallFinding inSimulation, Verdict inMemory, Verdict fromText, Snapshot parsed) {}

  /** The real checker policy; before each judgement the snapshot is printed, parsed and checked as `ptosim check` does. */
  private static final class TextChecked implements StallPolicy {
    private final StallPolicy checker = StallPolicies.byName(StallPolicies.CHECKER);
    final List<Compared> compared = new ArrayList<>();
    DeviceRuntime runtime;

    @Override
    public String name() {
      return "text-checked";
    }

    private static Snapshot parse(String text) {
      try {
        return SnapshotParser.parse(text).snapshot();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }

    private StallDecision compare(String when, StallContext stall, Supplier<StallDecision> decide) {
      if (compared.size() >= LIMIT) {
        return decide.get();
      }
      Snapshot snapshot = stall.snapshot();
      Snapshot parsed = parse(SnapshotPrinter.print(snapshot));
      StallDecision decision = decide.get();
      compared.add(new Compared(when + "@" + stall.nowNs(), runtime.finding().orElseThrow(),
          new StallChecker(snapshot).verdict(), new StallChecker(parsed).verdict(), parsed));
      return decision;
    }

    @Override
    public StallDecision onStall(StallContext stall) {
      return compare("stall", stall, () -> checker.onStall(stall));
    }

    @Override
    public StallDecision onProgress(StallContext stall) {
      return compare("progress", stall, () -> checker.onProgress(stall));
    }

    @Override
    public StallDecision onQuiescent(StallContext stall) {
      return compare("quiescence", stall, () -> checker.onQuiescent(stall));
    }
  }

  private static List<Compared> run(Program program, PlatformProfile platform, long window, ImmutableSet<Fault> faults) {
    TextChecked policy = new TextChecked();
    RuntimeSetup setup = new RuntimeSetup(program, RuntimeVersions.main(), platform, policy, PublishMode.DEFERRED,
        RingConfig.defaults().withWindow(window), faults, false);
    try (SimKernel kernel = new SimKernel()) {
      DeviceRuntime runtime = DeviceRuntime.create(setup, kernel, new TraceRecorder(List.of()));
      policy.runtime = runtime;
      runtime.start();
      RunResult result = kernel.run(RunLimits.DEFAULT);
      if (result.reason() == StopReason.QUIESCENT) {
        runtime.onQuiescent();
      }
    }
    return policy.compared;
  }

  static Stream<Arguments> correctRuns() {
    return Stream.of(
        Arguments.of("#495 Case2 partial-manual w1024", PagedAttentionCase.byName("Case2"), 1024, true),
        Arguments.of("CaseVarSeq4 partial-manual w64", PagedAttentionCase.byName("CaseVarSeq4"), 64, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("correctRuns")
  void readyLinesNameReadyTasksOnlyAndTheTextGivesTheInSimulationVerdict(String name, PagedAttentionCase c, long window,
      boolean queuedAtSomeStall) {
    List<Compared> judgements = run(PagedAttention.program(c, true), PlatformProfiles.a2a3simFastSpin(), window, ImmutableSet.of());

    assertThat(judgements).as(name).isNotEmpty();
    if (queuedAtSomeStall) {
      assertThat(judgements).anySatisfy(j -> assertThat(j.parsed().evidence()).isNotEmpty());
    }
    for (Compared j : judgements) {
      Set<Long> ready = j.parsed().tasks().stream().filter(t -> t.state() == TaskState.READY).map(TaskRecord::id)
          .collect(Collectors.toSet());
      List<TraceEvidence> lines = j.parsed().evidence();
      assertThat(lines).as(j.when()).allSatisfy(e -> assertThat(e.kind()).isEqualTo(TraceKind.READY_LOCAL));
      assertThat(lines.stream().map(TraceEvidence::task).collect(Collectors.toSet())).as(j.when()).isEqualTo(ready);
      assertThat(lines).as(j.when()).hasSize(ready.size());
      // The policy's verdict (certificate or full checker), the checker on the in-memory snapshot and
      // `ptosim check` on the printed text agree; the last two word for word.
      assertThat(j.fromText().kind().name()).as(j.when()).isEqualTo(j.inSimulation().verdict())
          .isEqualTo(VerdictKind.UNRETIRED_PROGRESS.name());
      assertThat(j.fromText()).as(j.when()).isEqualTo(j.inMemory());
      if (!j.inSimulation().reason().endsWith("(progress certificate).")) {
        assertThat(j.fromText().reason()).as(j.when()).isEqualTo(j.inSimulation().reason());
      }
    }
  }

  /** Under each seed bug the checker policy's INVARIANT_VIOLATION is also what `ptosim check` finds in the text. */
  @ParameterizedTest
  @MethodSource("faults")
  void underASeedBugTheTextGivesTheSameViolation(Fault fault) {
    List<Compared> judgements = run(PagedAttention.program(PagedAttentionCase.byName("Case2"), true),
        PlatformProfiles.a2a3simFastSpin(), 1024, ImmutableSet.of(fault));

    Compared last = judgements.get(judgements.size() - 1);
    assertThat(last.inSimulation().verdict()).isEqualTo(VerdictKind.INVARIANT_VIOLATION.name());
    assertThat(last.fromText().kind()).isEqualTo(VerdictKind.INVARIANT_VIOLATION);
    assertThat(last.fromText().reason()).isEqualTo(last.inSimulation().reason());
    assertThat(last.fromText()).isEqualTo(last.inMemory());
  }

  static Stream<Fault> faults() {
    return Stream.of(Fault.PUBLISH_HIDDEN_ALLOC, Fault.READY_WITHOUT_TRANSITION);
  }
}
