package io.ptosim.scheduler.workload;

import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.ScopeMode;

/**
 * pypto-lib#122: a scope holds the ring head while the orchestrator streams work behind it. Scopes
 * nest to depth 3 (ring 3); the depth-3 scope submits one task H, then N short scopes at depth 4
 * (also ring 3, as every depth from 3 on) each submit one task. Those retire only behind H, and H
 * keeps its scope reference until the depth-3 scope ends, which the orchestrator reaches only after
 * all N. Once N tasks no longer fit the window the orchestrator blocks inside the loop: a real
 * cycle, which no window short of N + 2 slots breaks (a bigger window only postpones it). The
 * innermost scope never holds more than one task, so the #277 pre-check does not see it.
 * N = n, default 2 x window.
 */
final class PinnedHead extends NamedWorkload {
  PinnedHead() {
    super("pinned-head", "pypto-lib#122: an open scope holds the ring head while nested scopes fill the ring behind it");
  }

  @Override
  public Program program(WorkloadParams params) {
    int n = params.nOr(2L * params.window());
    AddressSpace mem = new AddressSpace();
    ProgramBuilder pb = ProgramBuilder.named("pinned-head/n=" + n);
    pb.scope(ScopeMode.AUTO).scope(ScopeMode.AUTO).scope(ScopeMode.AUTO);
    pb.submit(Kernels.SHORT, CoreMasks.AIV, 1, mem.output(64));
    for (int i = 0; i < n; i++) {
      pb.scope(ScopeMode.AUTO);
      pb.submit(Kernels.SHORT, CoreMasks.AIV, 1, mem.output(64));
      pb.endScope();
    }
    return pb.endScope().endScope().endScope().build();
  }
}
