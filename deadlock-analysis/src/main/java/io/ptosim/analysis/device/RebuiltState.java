package io.ptosim.analysis.device;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.ptosim.analysis.snapshot.Snapshot;

/**
 * The runtime's state rebuilt from a run's side files, with what was read from them and what had
 * to be assumed, each one sentence.
 *
 * @param snapshot the live tasks, edges, rings, scopes and orchestrator at the end of the records
 * @param allRetired every submitted task retired and no scope left open: the run completed
 * @param derived the parts read from the files
 * @param assumed the parts the files do not record
 */
public record RebuiltState(Snapshot snapshot, boolean allRetired, ImmutableList<String> derived,
    ImmutableList<String> assumed) {
  /** Rejects nulls. */
  public RebuiltState {
    checkNotNull(snapshot, "snapshot");
    checkNotNull(derived, "derived");
    checkNotNull(assumed, "assumed");
  }
}
