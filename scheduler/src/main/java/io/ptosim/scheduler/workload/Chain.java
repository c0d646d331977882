package io.ptosim.scheduler.workload;

import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;

/**
 * N tasks in one chain, alternating AIC and AIV, each updating one buffer in place (default N =
 * 64). AUTO: each task in its own scope (ring 1), so any N runs and the TensorMap finds each
 * predecessor (INOUT replaces the covered entry). MANUAL modes: one MANUAL scope (ring 1) with an
 * explicit edge per link, so N must stay below the window or the scope overflows.
 */
final class Chain extends NamedWorkload {
  private static final long BYTES = 64;

  Chain() {
    super("chain", "N tasks in one dependency chain (AUTO: TensorMap; manual modes: explicit edges)");
  }

  @Override
  public Program program(WorkloadParams params) {
    int n = params.nOr(64);
    boolean manual = params.mode().manualScopes();
    long buffer = new AddressSpace().allocate(BYTES);
    TensorArg link = TensorArg.inout(buffer, 0, BYTES);
    ProgramBuilder pb = ProgramBuilder.named("chain/n=" + n + (manual ? "/manual-scope" : "/auto"));
    if (manual) {
      pb.scope(ScopeMode.MANUAL);
    }
    long prev = -1;
    for (int i = 0; i < n; i++) {
      if (!manual) {
        pb.scope(ScopeMode.AUTO);
      }
      long task = pb.submit(Kernels.SHORT, i % 2 == 0 ? CoreMasks.AIC : CoreMasks.AIV, 1, link);
      if (manual && prev >= 0) {
        pb.addDependency(prev, task);
      }
      if (!manual) {
        pb.endScope();
      }
      prev = task;
    }
    if (manual) {
      pb.endScope();
    }
    return pb.build();
  }
}
