package io.ptosim.scheduler.upstream;

import com.google.common.collect.ImmutableList;
import io.ptosim.des.event.TraceEvent;
import io.ptosim.des.trace.TraceSink;
import io.ptosim.scheduler.program.Program;
import java.util.HashSet;
import java.util.Set;

/**
 * Records a simulated run as dep_gen's deps.json: the tasks the run submitted (from the trace's
 * submit events) with the edges {@link DepGenReplay} derives for them from the program. A run that
 * ended early lists only what it submitted (upstream writes no deps.json for a FATAL run at all).
 */
public final class DepsRecorder implements TraceSink {
  private final Program program;
  private final Set<Long> submitted = new HashSet<>();

  public DepsRecorder(Program program) {
    this.program = program;
  }

  @Override
  public void accept(TraceEvent event, CharSequence line) {
    if (event instanceof TraceEvent.Submit s) {
      submitted.add(UpstreamIds.fromModel(s.task()));
    }
  }

  /** The graph of the submitted tasks. */
  public DepsGraph graph() {
    DepsGraph all = DepGenReplay.of(program);
    if (submitted.size() == program.taskCount()) {
      return all;
    }
    ImmutableList<DepsTask> tasks = all.tasks().stream().filter(t -> submitted.contains(t.taskId())).collect(ImmutableList.toImmutableList());
    ImmutableList<DepsEdge> edges = all.edges().stream().filter(e -> submitted.contains(e.succ())).collect(ImmutableList.toImmutableList());
    return new DepsGraph(tasks, all.tensors(), edges);
  }
}
