package io.ptosim.scheduler.workload;

import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;

/**
 * Upstream #277: one scope (depth 1, ring 1) submits N >= window independent tasks. None of them
 * can be CONSUMED before the scope ends, and the orchestrator never reaches scope_end because it
 * waits for a slot: a true cycle (upstream now reports "Scope Deadlock Detected" before spinning).
 * N = max(n, window).
 */
final class ScopeOverflow extends NamedWorkload {
  ScopeOverflow() {
    super("scope-overflow", "#277: one scope submits >= window tasks (a real scope deadlock)");
  }

  @Override
  public Program program(WorkloadParams params) {
    int n = Math.max(params.n(), params.window());
    AddressSpace mem = new AddressSpace();
    ProgramBuilder pb = ProgramBuilder.named("scope-overflow/n=" + n);
    pb.scope(ScopeMode.AUTO);
    for (int i = 0; i < n; i++) {
      pb.submit(Kernels.SHORT, CoreMasks.AIV, 1, mem.output(64));
    }
    return pb.endScope().build();
  }
}
