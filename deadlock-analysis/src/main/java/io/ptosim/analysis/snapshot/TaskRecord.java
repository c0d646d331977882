package io.ptosim.analysis.snapshot;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One task line of a stall snapshot: the device's own fields plus the optional ring, scope and
 * hidden ({@code kind=alloc}) marks.
 *
 * @param id task id, unique in the snapshot and in submit order within its ring
 * @param state life-cycle state
 * @param fanin releases received / producers + 1 (publish barrier)
 * @param fanout releases received / consumers + 1 (scope reference)
 * @param activeMask bit0 AIC, bit1 AIV0, bit2 AIV1, bit3 sync-start
 * @param done finished blocks / block count
 * @param blockNum SPMD block count
 * @param nextBlock dispatched blocks
 * @param ring ring token; absent means the snapshot's default ring
 * @param scope owning scope; absent means the task's scope has ended
 * @param hidden an {@code alloc_tensors} task ({@code kind=alloc})
 */
public record TaskRecord(
    long id,
    TaskState state,
    Count fanin,
    Count fanout,
    int activeMask,
    Count done,
    int blockNum,
    int nextBlock,
    OptionalInt ring,
    OptionalLong scope,
    boolean hidden) {

  /** Validates ranges; counters may still be corrupted (see {@link Count#unchecked}). */
  public TaskRecord {
    checkArgument(id >= 0, "task id %s < 0", id);
    checkNotNull(state, "state");
    checkNotNull(fanin, "fanin");
    checkNotNull(fanout, "fanout");
    checkNotNull(done, "done");
    checkNotNull(ring, "ring");
    checkNotNull(scope, "scope");
    checkArgument(activeMask >= 0, "task %s: active_mask %s < 0", id, activeMask);
    checkArgument(blockNum >= 0, "task %s: block_num %s < 0", id, blockNum);
    checkArgument(nextBlock >= 0, "task %s: next_block %s < 0", id, nextBlock);
    checkArgument(ring.orElse(0) >= 0, "task %s: ring %s < 0", id, ring);
    checkArgument(scope.orElse(0) >= 0, "task %s: scope %s < 0", id, scope);
  }

  /** A task of the default ring, outside any recorded scope, not hidden. */
  public static TaskRecord of(
      long id,
      TaskState state,
      Count fanin,
      Count fanout,
      int activeMask,
      Count done,
      int blockNum,
      int nextBlock) {
    return new TaskRecord(
        id,
        state,
        fanin,
        fanout,
        activeMask,
        done,
        blockNum,
        nextBlock,
        OptionalInt.empty(),
        OptionalLong.empty(),
        false);
  }

  /** This task placed in ring {@code newRing}. */
  public TaskRecord withRing(int newRing) {
    return new TaskRecord(
        id, state, fanin, fanout, activeMask, done, blockNum, nextBlock,
        OptionalInt.of(newRing), scope, hidden);
  }

  /** This task owned by scope {@code newScope}. */
  public TaskRecord withScope(long newScope) {
    return new TaskRecord(
        id, state, fanin, fanout, activeMask, done, blockNum, nextBlock,
        ring, OptionalLong.of(newScope), hidden);
  }

  /** This task marked as a hidden {@code alloc_tensors} task. */
  public TaskRecord asHidden() {
    return new TaskRecord(
        id, state, fanin, fanout, activeMask, done, blockNum, nextBlock, ring, scope, true);
  }

  /**
   * Whether the runtime must never publish or dispatch this task: an {@code alloc_tensors} task,
   * or any task without a core in its mask (a zero mask would land in the AIV queue).
   */
  public boolean neverDispatched() {
    return hidden || (activeMask & 0b111) == 0;
  }

  /**
   * The ready-queue shape the mask selects, as upstream's pto2_active_mask_to_shape: two or more core
   * bits are MIX (2, so AIV0 + AIV1 too), else the AIC bit AIC (0), else AIV (1, a zero mask too).
   */
  public int shape() {
    int cores = activeMask & 0b111;
    if (Integer.bitCount(cores) >= 2) {
      return 2;
    }
    return (cores & 0b001) != 0 ? 0 : 1;
  }
}
