package io.ptosim.scheduler.version.sched;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * PR #482 at 01d0723: no deferred completion at all (no async kernel API, completion slab, mailbox
 * or async wait list in the runtime; a task completes when its last subtask finishes), so a kernel
 * registering completion conditions does not build there.
 */
public final class AsyncCompletionAtPr482 implements AsyncCompletionRule {
  @Override
  public Optional<String> unavailable() {
    return Optional.of("runtime pr482 (01d0723) has no deferred completion (no register_completion_condition, no async"
        + " wait list): a kernel registering completion conditions does not build there");
  }

  @Override
  public int slabCapacity() {
    throw new IllegalStateException("pr482 has no deferred completion");
  }

  @Override
  public int entryCapacity() {
    throw new IllegalStateException("pr482 has no deferred completion");
  }

  @Override
  public int waitListCapacity() {
    throw new IllegalStateException("pr482 has no deferred completion");
  }

  @Override
  public ImmutableList<String> report(int code) {
    throw new IllegalStateException("pr482 has no deferred completion");
  }
}
