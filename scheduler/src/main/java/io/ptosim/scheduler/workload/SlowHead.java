package io.ptosim.scheduler.workload;

import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;

/**
 * Upstream #1086 / #1468: slow progress that is not a deadlock. The first task of ring 1 runs a
 * long kernel and holds the ring head (and the heap head: every task owns an output), while N - 1
 * short, independent tasks, each in its own scope so they retire as soon as they complete, fill
 * the window behind it. The orchestrator blocks until the long kernel ends, then everything
 * drains. N = n, default 2 x window.
 */
final class SlowHead extends NamedWorkload {
  SlowHead() {
    super("slow-head", "#1086/#1468: a long kernel holds the ring head while short tasks fill the window");
  }

  @Override
  public Program program(WorkloadParams params) {
    int n = params.nOr(2L * params.window());
    AddressSpace mem = new AddressSpace();
    ProgramBuilder pb = ProgramBuilder.named("slow-head/n=" + n);
    for (int i = 0; i < n; i++) {
      pb.scope(ScopeMode.AUTO);
      if (i == 0) {
        pb.submit(Kernels.LONG, CoreMasks.AIC, 1, mem.output(1024));
      } else {
        pb.submit(Kernels.SHORT, CoreMasks.AIV, 1, mem.output(1024));
      }
      pb.endScope();
    }
    return pb.build();
  }
}
