package io.ptosim.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.des.event.Shape;
import io.ptosim.des.event.TraceEvent;
import io.ptosim.des.trace.ChromeTraceWriter;
import io.ptosim.des.trace.MemoryTrace;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.run.RunReport;
import io.ptosim.scheduler.run.Simulation;
import io.ptosim.scheduler.workload.PagedAttention;
import io.ptosim.scheduler.workload.PagedAttentionCase;
import io.ptosim.scheduler.workload.WorkloadParams;
import io.ptosim.scheduler.workload.Workloads;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The runtime's mechanisms, one at a time, read off the trace of small runs. */
class RuntimeBehaviourTest {
  /** CaseSmall1 AUTO puts its alloc task on ring 1 and its 12 compute tasks on ring 2, as upstream. */
  private static final long ALLOC = TaskIds.of(1, 0);
  private static final long UP0 = TaskIds.of(2, 3);
  /** In the manual modes the alloc task (PR #482's hub) is the first task of the MANUAL scope on ring 2. */
  private static final long MANUAL_ALLOC = TaskIds.of(2, 0);
  private static final long MANUAL_UP0 = TaskIds.of(2, 4);

  private static MemoryTrace run(Program program, PublishMode mode) {
    MemoryTrace trace = new MemoryTrace();
    RunReport report = Simulation.run(RunConfig.builder(program).publishMode(mode).invariantMonitor(true).build(),
        List.of(trace));
    assertThat(report.outcome()).isEqualTo(Outcome.COMPLETED);
    return trace;
  }

  private static Program small1(boolean manual) {
    return PagedAttention.program(PagedAttentionCase.byName("CaseSmall1"), manual);
  }

  @Test
  void deferredManualTasksArePublishedInSubmitOrderAtTheirScopeEnd() {
    MemoryTrace trace = run(small1(true), PublishMode.DEFERRED);
    // Scope 0 is the executor's, 1 the batch's AUTO scope, 2 its MANUAL scope.
    long manualScopeEnd = trace.events(TraceEvent.ScopeEnd.class).stream().filter(e -> e.scope() == 2)
        .findFirst().orElseThrow().atNs();
    List<TraceEvent.Publish> publishes = trace.events(TraceEvent.Publish.class);

    assertThat(publishes).hasSize(12).allSatisfy(p -> assertThat(p.atNs()).isEqualTo(manualScopeEnd));
    assertThat(publishes).extracting(TraceEvent.Publish::task).isSorted();
    assertThat(trace.events(TraceEvent.Dispatch.class)).allSatisfy(d -> assertThat(d.atNs()).isGreaterThan(manualScopeEnd));
  }

  @Test
  void incrementalManualTasksArePublishedAtSubmitWithTheirExplicitEdges() {
    MemoryTrace trace = run(small1(true), PublishMode.INCREMENTAL);
    Map<Long, TraceEvent.Submit> submits = trace.events(TraceEvent.Submit.class).stream()
        .collect(Collectors.toMap(TraceEvent.Submit::task, Function.identity()));

    assertThat(trace.events(TraceEvent.Publish.class)).hasSize(12)
        .allSatisfy(p -> assertThat(p.atNs()).isEqualTo(submits.get(p.task()).atNs()));
    // UP of block 0: PV and the alloc task (explicit hub -> UP0 edge; already completed) + barrier.
    assertThat(submits.get(MANUAL_UP0).faninTotal()).isEqualTo(3);
    assertThat(trace.events(TraceEvent.Publish.class)).filteredOn(p -> p.task() == MANUAL_UP0).singleElement()
        .satisfies(p -> assertThat(p.faninDone() + "/" + p.faninTotal()).isEqualTo("2/3"));
    // The hub is released by UP 0 and by its scope, then consumed; never published.
    assertThat(trace.events(TraceEvent.FanoutRelease.class)).filteredOn(f -> f.task() == MANUAL_ALLOC).hasSize(2);
    assertThat(trace.events(TraceEvent.Publish.class)).noneMatch(p -> p.task() == MANUAL_ALLOC);
    assertThat(trace.events(TraceEvent.Consumed.class)).anyMatch(c -> c.task() == MANUAL_ALLOC);
  }

  @Test
  void allocTensorsCompletesAtSubmitIsNeverDispatchedAndCountsAsReleasedAtWiring() {
    MemoryTrace trace = run(small1(false), PublishMode.INCREMENTAL);

    TraceEvent.Submit alloc = trace.events(TraceEvent.Submit.class).get(0);
    assertThat(alloc.task()).isEqualTo(ALLOC);
    assertThat(alloc.hidden()).isTrue();
    assertThat(alloc.activeMask()).isZero();
    assertThat(trace.events(TraceEvent.Complete.class)).first()
        .isEqualTo(new TraceEvent.Complete(alloc.atNs(), ALLOC, 3));
    assertThat(trace.events(TraceEvent.Ready.class)).noneMatch(r -> r.task() == ALLOC);
    assertThat(trace.events(TraceEvent.Dispatch.class)).noneMatch(d -> d.task() == ALLOC);
    // UP 0's producers: SF 0, PV 0 and the completed alloc task; the alloc and the barrier count at publish.
    assertThat(trace.events(TraceEvent.Publish.class)).filteredOn(p -> p.task() == UP0).singleElement()
        .satisfies(p -> assertThat(p.faninDone() + "/" + p.faninTotal()).isEqualTo("2/4"));
    // The alloc task is released by each of the 3 UP tasks and by its scope, then consumed.
    assertThat(trace.events(TraceEvent.FanoutRelease.class)).filteredOn(f -> f.task() == ALLOC).hasSize(4);
    assertThat(trace.events(TraceEvent.Consumed.class)).anyMatch(c -> c.task() == ALLOC);
  }

  @Test
  void everyBlockOfEveryShapeIsDispatchedOnce() {
    Program demo = Workloads.byName("demo").program(WorkloadParams.defaults());
    MemoryTrace trace = run(demo, PublishMode.DEFERRED);

    Map<Long, Long> blocks = trace.events(TraceEvent.Dispatch.class).stream()
        .collect(Collectors.groupingBy(TraceEvent.Dispatch::task, Collectors.counting()));
    for (TraceEvent.Submit s : trace.events(TraceEvent.Submit.class)) {
      assertThat(blocks.getOrDefault(s.task(), 0L)).as("blocks of %s", s.task()).isEqualTo(s.hidden() ? 0 : s.blockNum());
    }
    assertThat(trace.events(TraceEvent.Dispatch.class)).anyMatch(d -> d.shape() == Shape.MIX);
    assertThat(trace.events(TraceEvent.BlockDone.class)).hasSameSizeAs(trace.events(TraceEvent.Dispatch.class));
  }

  @Test
  void theChromeTraceOfARunIsWellFormed() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Program demo = Workloads.byName("demo").program(WorkloadParams.defaults());
    RunReport report = Simulation.run(RunConfig.defaults(demo), List.of(new ChromeTraceWriter(out, 3)));

    assertThat(report.outcome()).isEqualTo(Outcome.COMPLETED);
    String json = out.toString(StandardCharsets.UTF_8);
    assertThat(json).startsWith("{").endsWith("]}").contains("\"ph\":\"X\"").contains("scope 0 AUTO");
  }

  @Test
  void schedulerThreadsAreEventDrivenNotPolled() {
    Program case2 = PagedAttention.program(PagedAttentionCase.byName("Case2"), false);
    RunReport report = Simulation.run(RunConfig.defaults(case2), List.of());

    assertThat(report.outcome()).isEqualTo(Outcome.COMPLETED);
    // Per task: its op, a block finish, and a handful of scheduler iterations; no idle spinning. main has
    // no local ready buffers, so each ready task goes to the shared queue and wakes the idle threads.
    assertThat(report.kernelEvents()).isLessThan(7 * report.tasks());
  }
}
