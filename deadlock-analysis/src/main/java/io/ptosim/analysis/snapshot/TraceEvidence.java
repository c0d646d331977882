package io.ptosim.analysis.snapshot;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.OptionalInt;

/**
 * A device trace line kept as evidence of what already happened to a task.
 *
 * @param kind which trace line
 * @param task the task it names
 * @param shape ready-queue shape (0 AIC, 1 AIV, 2 MIX)
 * @param thread scheduler thread, present only for {@link TraceKind#DISPATCH}
 * @param count {@code block=i/n} of a dispatch, {@code fanin=a/b} of a ready(local)
 */
public record TraceEvidence(TraceKind kind, long task, int shape, OptionalInt thread, Count count) {

  /** A dispatch names its thread and a block index below the block count; ready(local) has no thread. */
  public TraceEvidence {
    checkNotNull(kind, "kind");
    checkNotNull(thread, "thread");
    checkNotNull(count, "count");
    checkArgument(task >= 0, "trace task %s < 0", task);
    checkArgument(shape >= 0, "trace shape %s < 0", shape);
    checkArgument(
        thread.isPresent() == (kind == TraceKind.DISPATCH),
        "%s trace %s a thread", kind, kind == TraceKind.DISPATCH ? "needs" : "has no");
    checkArgument(thread.orElse(0) >= 0, "trace thread %s < 0", thread);
    checkArgument(
        kind != TraceKind.DISPATCH || count.done() < count.total(),
        "dispatch block %s: index must be below the block count", count);
  }

  /** {@code dispatch: thread=T shape=S task=N block=i/n}. */
  public static TraceEvidence dispatch(int thread, int shape, long task, long block, long blocks) {
    return new TraceEvidence(
        TraceKind.DISPATCH, task, shape, OptionalInt.of(thread), Count.of(block, blocks));
  }

  /** {@code ready(local): task=N shape=S fanin=a/b}. */
  public static TraceEvidence readyLocal(long task, int shape, Count fanin) {
    return new TraceEvidence(TraceKind.READY_LOCAL, task, shape, OptionalInt.empty(), fanin);
  }
}
