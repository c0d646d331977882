package io.ptosim.scheduler.workload;

import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;

/**
 * Upstream #1545: the ring head became CONSUMED but nobody advanced last_task_alive, because the
 * thread that consumed it lost the advance try-lock to a thread that had scanned too early.
 *
 * <p>A long gate task in the outer scope (ring 0) produces a buffer that N identical short AIC
 * tasks read, each in its own scope on ring 1 (so each becomes CONSUMED at completion). The gate
 * keeps them all pending while the orchestrator fills ring 1 and blocks on it (N = n, default
 * window + 8). When the gate completes they become ready together, are dispatched together to
 * clusters of all three scheduler threads, and complete at the same instant, the ring head
 * (the first of them) among them. The runtime decides who wins the lock; the program only sets up
 * the simultaneity.
 */
final class LostAdvance extends NamedWorkload {
  private static final long GATE_BYTES = 64;

  LostAdvance() {
    super("lost-advance", "#1545: the ring head and its neighbours complete at one instant on different scheduler threads");
  }

  @Override
  public Program program(WorkloadParams params) {
    int n = params.nOr(params.window() + 8);
    AddressSpace mem = new AddressSpace();
    ProgramBuilder pb = ProgramBuilder.named("lost-advance/n=" + n);
    pb.scope(ScopeMode.AUTO);
    long gate = mem.allocate(GATE_BYTES);
    pb.submit(Kernels.LONG, CoreMasks.AIC, 1, TensorArg.output(gate, GATE_BYTES));
    for (int i = 0; i < n; i++) {
      pb.scope(ScopeMode.AUTO);
      pb.submit(Kernels.SHORT, CoreMasks.AIC, 1, TensorArg.input(gate, 0, GATE_BYTES));
      pb.endScope();
    }
    return pb.endScope().build();
  }
}
