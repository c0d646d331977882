package io.ptosim.scheduler.workload;

import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;

/**
 * Upstream #1545: the ring head became CONSUMED but nobody advanced last_task_alive, because the
 * thread that consumed it lost the advance try-lock to a thread that had scanned a moment earlier.
 *
 * <p>The race needs the ring-1 head H and its successor X consumed by two scheduler threads less
 * than one lock hold ({@code pollNs}) apart, after every other ring-1 task was consumed and while
 * the orchestrator waits for a ring-1 slot. The program builds that from scheduler-side costs
 * only (idle loop, poll, dispatch, task switch), so it works on both built-in profiles (24
 * clusters, 3 scheduler threads) and any window of at least 8:
 *
 * <ol>
 *   <li>in the executor's outer scope (ring 0): a warm-up AIC task with one block per cluster, so
 *       that every AIC core has run a block and every later dispatch pays the same task switch; a
 *       chain of {@code long} AIC links L1..Lm on one buffer, long enough to outlast filling the
 *       window (m = 1 + N / 4096); then, both reading the chain, a {@code long} blocker with one
 *       block per AIC core of a scheduler thread but one, and the {@code short} gate G, so that
 *       Lm's thread T fills all its AIC cores with them at once;
 *   <li>scope 1 (ring 1): H and X ({@code short}, AIC), both reading G's output, then N - 2
 *       alloc_tensors buffers that fill the window and are CONSUMED at the scope's end;
 *   <li>scope 2 (ring 1): one more task, which waits for a slot (ring 1 holds N = window - 1).
 * </ol>
 *
 * When G completes, X (G's newest consumer, made ready first) takes G's core on thread T, and H,
 * finding T's AIC cores busy with the blocker, goes to the shared queue and to the next thread one
 * idle loop later: they start, complete and are consumed 15 ns apart on two threads. X's thread
 * scans first and stops at H; H's thread loses the try-lock. With {@code lost-advance} nothing of
 * ring 1 is consumed after that and the head stays CONSUMED forever; the correct runtime's pending
 * bit retries the advance when the lock is released. N = n, default window - 1.
 */
final class LostAdvance extends NamedWorkload {
  /** Ring-1 tasks one {@code long} chain link outlasts submitting, on both built-in profiles, with margin. */
  private static final int TASKS_PER_LINK = 4096;
  /** Clusters and AIC cores per scheduler thread of the built-in profiles (24 clusters, 3 threads). */
  private static final int CLUSTERS = 24;
  private static final int AIC_PER_THREAD = 8;
  private static final long BYTES = 64;

  LostAdvance() {
    super("lost-advance", "#1545: the ring head and its successor are consumed 15 ns apart on two scheduler threads");
  }

  @Override
  public Program program(WorkloadParams params) {
    int n = Math.max(2, params.nOr(params.window() - 1L));
    AddressSpace mem = new AddressSpace();
    ProgramBuilder pb = ProgramBuilder.named("lost-advance/n=" + n);

    pb.submit(Kernels.SHORT, CoreMasks.AIC, CLUSTERS);
    long chain = mem.allocate(BYTES);
    pb.submit(Kernels.LONG, CoreMasks.AIC, 1, TensorArg.output(chain, BYTES));
    for (int link = 1; link < 1 + n / TASKS_PER_LINK; link++) {
      pb.submit(Kernels.LONG, CoreMasks.AIC, 1, TensorArg.inout(chain, 0, BYTES));
    }
    TensorArg chainEnd = TensorArg.input(chain, 0, BYTES);
    pb.submit(Kernels.LONG, CoreMasks.AIC, AIC_PER_THREAD - 1, chainEnd);
    long gate = mem.allocate(BYTES);
    pb.submit(Kernels.SHORT, CoreMasks.AIC, 1, chainEnd, TensorArg.output(gate, BYTES));

    TensorArg gated = TensorArg.input(gate, 0, BYTES);
    pb.scope(ScopeMode.AUTO);
    pb.submit(Kernels.SHORT, CoreMasks.AIC, 1, gated);
    pb.submit(Kernels.SHORT, CoreMasks.AIC, 1, gated);
    for (int i = 2; i < n; i++) {
      pb.allocTensors(mem.output(BYTES));
    }
    pb.endScope();

    pb.scope(ScopeMode.AUTO);
    pb.submit(Kernels.SHORT, CoreMasks.AIV, 1);
    return pb.endScope().build();
  }
}
