package io.ptosim.scheduler.workload;

import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;

/**
 * Upstream #2260's shape: a deferred-completion waiter with one producer and N consumers behind it.
 *
 * <ol>
 *   <li>scope 1 (ring 1): a {@code short} AIV producer, then the {@code defer_wait} AIV waiter
 *       reading it: one AIV kernel and fanin 2/2 (its producer and the publish barrier, upstream's
 *       {@code fanin_count = wfanin + 1}), as the thread's stranded task printed; the scope ends, so
 *       the ring head (the producer) is held only by its consumer, the waiter;
 *   <li>N scopes (ring 1), each with one {@code short} AIV consumer of the waiter's output, so that
 *       a consumer retires once it completes and any window of at least 4 suffices.
 * </ol>
 *
 * With a window that holds all N + 2 tasks the orchestrator finishes and the consumers wait for the
 * waiter (the thread: {@code ready=1 waiting=109}); with a smaller one the orchestrator blocks in
 * a consumer's scope on ring 1, whose head (the first producer) retires only when the waiter completes.
 * N = n, default 109 (the thread's waiting count).
 */
final class DeferWait extends NamedWorkload {
  /** The stranded task's consumers in the thread's S3 line ({@code waiting=109}). */
  static final int THREAD_CONSUMERS = 109;
  private static final long BYTES = 64;

  DeferWait() {
    super("defer-wait", "#2260: a deferred-completion waiter (fanin 2/2) with N consumers behind it");
  }

  @Override
  public Program program(WorkloadParams params) {
    int n = Math.max(1, params.nOr(THREAD_CONSUMERS));
    AddressSpace mem = new AddressSpace();
    ProgramBuilder pb = ProgramBuilder.named("defer-wait/n=" + n);
    long a = mem.allocate(BYTES);
    long w = mem.allocate(BYTES);
    pb.scope(ScopeMode.AUTO);
    pb.submit(Kernels.SHORT, CoreMasks.AIV, 1, TensorArg.output(a, BYTES));
    pb.submit(Kernels.DEFER_WAIT, CoreMasks.AIV, 1, TensorArg.input(a, 0, BYTES), TensorArg.output(w, BYTES));
    pb.endScope();
    for (int i = 0; i < n; i++) {
      pb.scope(ScopeMode.AUTO);
      pb.submit(Kernels.SHORT, CoreMasks.AIV, 1, TensorArg.input(w, 0, BYTES));
      pb.endScope();
    }
    return pb.build();
  }
}
