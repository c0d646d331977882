package io.ptosim.scheduler.workload;

import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;

/**
 * Upstream #277: one scope (depth 1, ring 1) submits N >= window independent tasks. None of them
 * can be CONSUMED before the scope ends, and the orchestrator never reaches scope_end because it
 * waits for a slot: a true cycle (the #277 pre-check of the seed runtime, and so of {@code legacy}
 * and {@code scope-aware}, reports "Scope Deadlock Detected" before spinning). N = max(n, window),
 * at most {@link WorkloadParams#MAX_N}.
 */
final class ScopeOverflow extends NamedWorkload {
  ScopeOverflow() {
    super("scope-overflow", "#277: one scope submits >= window tasks (a real scope deadlock)");
  }

  @Override
  public Program program(WorkloadParams params) {
    int n = params.checkedSize(Math.max(params.n(), (long) params.window()));
    AddressSpace mem = new AddressSpace();
    ProgramBuilder pb = ProgramBuilder.named("scope-overflow/n=" + n);
    pb.scope(ScopeMode.AUTO);
    for (int i = 0; i < n; i++) {
      pb.submit(Kernels.SHORT, CoreMasks.AIV, 1, mem.output(64));
    }
    return pb.endScope().build();
  }
}
