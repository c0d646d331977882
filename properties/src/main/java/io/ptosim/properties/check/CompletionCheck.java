package io.ptosim.properties.check;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import io.ptosim.properties.oracle.ProducerOracle;
import io.ptosim.properties.oracle.TaskTimeline;
import io.ptosim.properties.run.Observation;
import io.ptosim.properties.run.RunSettings;
import io.ptosim.properties.run.Runs;
import io.ptosim.scheduler.policy.StallPolicies;
import io.ptosim.scheduler.program.Program;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Property (a): with a window larger than the program no allocation can stall, so under
 * {@code patient} every valid program completes, with no stall, every task completes, no hidden
 * (alloc_tensors) task is dispatched, and every task is dispatched only after each producer the
 * program implies ({@link ProducerOracle}) has completed, in trace order.
 */
public final class CompletionCheck {
  private CompletionCheck() {}

  /** The smallest power-of-two window (at least 4) that holds all of {@code tasks} plus the free slot. */
  public static long windowAbove(int tasks) {
    long w = 4;
    while (w < tasks + 2L) {
      w <<= 1;
    }
    return w;
  }

  /**
   * Runs {@code program} under {@code patient} on {@code settings}, whose window must be at least
   * {@link #windowAbove} the program's task count, and returns the problems.
   */
  public static ImmutableList<String> check(Program program, RunSettings settings) {
    Preconditions.checkArgument(settings.window() >= windowAbove(program.taskCount()),
        "window %s can stall a program of %s tasks", settings.window(), program.taskCount());
    return problems(Runs.run(program, settings, StallPolicies.PATIENT));
  }

  /** The problems of one observation (see the class comment). */
  public static ImmutableList<String> problems(Observation run) {
    Problems.Collector out = new Problems.Collector();
    run.violation().ifPresent(v -> out.add("invariant monitor: " + v));
    if (!run.completed()) {
      out.add("outcome " + run.summary() + ", expected COMPLETED");
    }
    if (!run.stalls().isEmpty()) {
      out.add(run.stalls().size() + " allocator stall(s) with window " + run.settings().window() + " for "
          + run.program().taskCount() + " tasks; first at " + run.stalls().get(0).atNs() + " ns");
    }
    run.report().ifPresent(r -> {
      if (r.tasksCompleted() != r.tasks()) {
        out.add(r.tasksCompleted() + " of " + r.tasks() + " tasks completed");
      }
    });
    TaskTimeline timeline = TaskTimeline.of(run.program(), run.events());
    for (long task : timeline.submitted()) {
      if (timeline.firstComplete(task).isEmpty()) {
        out.add("task " + task + " never completed");
      }
      if (timeline.hidden(task) && timeline.firstDispatch(task).isPresent()) {
        out.add("alloc_tensors task " + task + " was dispatched");
      }
    }
    ImmutableSortedMap<Long, ImmutableSortedSet<Long>> producers = ProducerOracle.producers(run.program());
    for (Map.Entry<Long, ImmutableSortedSet<Long>> e : producers.entrySet()) {
      OptionalInt dispatched = timeline.firstDispatch(e.getKey());
      if (dispatched.isEmpty()) {
        continue;
      }
      for (long producer : e.getValue()) {
        OptionalInt completed = timeline.firstComplete(producer);
        if (completed.isEmpty() || completed.getAsInt() > dispatched.getAsInt()) {
          out.add("task " + e.getKey() + " dispatched (event " + dispatched.getAsInt() + ") before its producer "
              + producer + " completed" + (completed.isEmpty() ? " (never)" : " (event " + completed.getAsInt() + ")"));
        }
      }
    }
    return out.build();
  }
}
