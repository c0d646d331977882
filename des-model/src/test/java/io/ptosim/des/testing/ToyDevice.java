package io.ptosim.des.testing;

import io.ptosim.des.event.CoreId;
import io.ptosim.des.event.Shape;
import io.ptosim.des.event.TraceEvent;
import io.ptosim.des.kernel.EventLabel;
import io.ptosim.des.kernel.RunLimits;
import io.ptosim.des.kernel.RunResult;
import io.ptosim.des.kernel.SimKernel;
import io.ptosim.des.kernel.TieBreak;
import io.ptosim.des.platform.CoreType;
import io.ptosim.des.trace.TraceRecorder;
import io.ptosim.des.trace.TraceSink;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A tiny device for kernel and trace tests: {@code tasks} independent tasks on {@code cores} AIV
 * cores, durations 100 or 200 ns, so that many cores finish at the same instant. Which waiting task
 * goes to which core depends on the order of those same-instant completions: the trace shows it.
 */
public final class ToyDevice {

  private ToyDevice() {}

  /** Runs the toy to quiescence and returns the trace hash. */
  public static String run(int tasks, int cores, TieBreak tieBreak, List<? extends TraceSink> sinks) {
    TraceRecorder trace = new TraceRecorder(sinks);
    try (SimKernel kernel = new SimKernel(tieBreak)) {
      Deque<Integer> waiting = new ArrayDeque<>();
      for (int t = 0; t < tasks; t++) {
        waiting.add(t);
      }
      for (int c = 0; c < cores; c++) {
        int core = c;
        kernel.scheduleAt(0, 1, EventLabel.of("idle"), () -> next(kernel, trace, waiting, core));
      }
      RunResult result = kernel.run(RunLimits.DEFAULT);
      return trace.finish(result.virtualTimeNs());
    }
  }

  private static void next(SimKernel kernel, TraceRecorder trace, Deque<Integer> waiting, int core) {
    Integer task = waiting.poll();
    if (task == null) {
      return;
    }
    CoreId id = new CoreId(CoreType.AIV, core);
    trace.record(new TraceEvent.Dispatch(kernel.now(), task, "toy", Shape.AIV, 0, 1, core % 3, id));
    long duration = task % 2 == 0 ? 100 : 200;
    kernel.scheduleAfter(duration, 0, EventLabel.of("block_done", task), () -> {
      trace.record(new TraceEvent.BlockDone(kernel.now(), task, 0, 1, core % 3, id));
      trace.record(new TraceEvent.Complete(kernel.now(), task, core % 3));
      next(kernel, trace, waiting, core);
    });
  }

  /** Entry point for the cross-JVM hash test: prints the hash of the toy for the given tie-break. */
  public static void main(String[] args) {
    System.out.println(run(Integer.parseInt(args[0]), Integer.parseInt(args[1]), TieBreak.parse(args[2]), List.of()));
  }
}
