package io.ptosim.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.snapshot.TaskRecord;
import io.ptosim.des.event.TraceEvent;
import io.ptosim.des.trace.MemoryTrace;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.run.RunReport;
import io.ptosim.scheduler.run.Simulation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A run with its whole trace kept in memory, and the trace-level checks the scenario tests share. */
record TracedRun(RunReport report, MemoryTrace trace) {

  static TracedRun of(RunConfig config) {
    MemoryTrace trace = new MemoryTrace();
    RunReport report = Simulation.run(config, List.of(trace));
    return new TracedRun(report, trace);
  }

  /** Dependency edges as the trace shows them: consumer C released producer P ({@code fanout_release task=P by=C}). */
  Set<List<Long>> releasedEdges() {
    Set<List<Long>> edges = new HashSet<>();
    for (TraceEvent.FanoutRelease r : trace.events(TraceEvent.FanoutRelease.class)) {
      if (r.byTask() >= 0) {
        edges.add(List.of(r.task(), r.byTask()));
      }
    }
    return edges;
  }

  /**
   * Checks, on the trace, that every consumer's first block was dispatched after each of its
   * producers completed (edges from {@link #releasedEdges()}); returns the number of edges checked.
   */
  int assertProducersCompleteBeforeConsumersDispatch() {
    ImmutableList<TraceEvent> events = trace.events();
    Map<Long, Integer> completedAt = new HashMap<>();
    Map<Long, Integer> firstDispatchAt = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      TraceEvent e = events.get(i);
      if (e instanceof TraceEvent.Complete c) {
        completedAt.putIfAbsent(c.task(), i);
      } else if (e instanceof TraceEvent.Dispatch d) {
        firstDispatchAt.putIfAbsent(d.task(), i);
      }
    }
    Set<List<Long>> edges = releasedEdges();
    for (List<Long> edge : edges) {
      long producer = edge.get(0);
      long consumer = edge.get(1);
      assertThat(completedAt).as("producer %s of %s completed", producer, consumer).containsKey(producer);
      assertThat(firstDispatchAt).as("consumer %s dispatched", consumer).containsKey(consumer);
      assertThat(firstDispatchAt.get(consumer))
          .as("task %s dispatched after its producer %s completed", consumer, producer)
          .isGreaterThan(completedAt.get(producer));
    }
    return edges.size();
  }

  Snapshot finalSnapshot() {
    assertThat(report.finalSnapshot()).as("final snapshot").isPresent();
    return report.finalSnapshot().get();
  }

  /** The task of the final snapshot with id {@code id}. */
  TaskRecord task(long id) {
    return finalSnapshot().tasks().stream().filter(t -> t.id() == id).findFirst()
        .orElseThrow(() -> new AssertionError("no task " + id + " in the final snapshot"));
  }
}
