package io.ptosim.analysis.graph;

import com.google.common.collect.ImmutableList;
import io.ptosim.analysis.internal.LongIntMap;
import io.ptosim.analysis.snapshot.PendingEvent;
import io.ptosim.analysis.snapshot.TaskState;
import java.util.BitSet;
import java.util.List;

/** What the pending events of a simulation snapshot can still deliver. */
final class Triggers {
  private final TaskIndex index;
  private final boolean schedulerAlive;
  private final LongIntMap named = new LongIntMap(16);
  private final BitSet advancedRings = new BitSet();

  Triggers(TaskIndex index) {
    this.index = index;
    List<PendingEvent> pending = index.snapshot().pending().orElse(ImmutableList.of());
    // A device snapshot has no event list: its scheduler threads keep running.
    schedulerAlive = index.snapshot().pending().isEmpty() || !pending.isEmpty();
    for (PendingEvent event : pending) {
      if (event.task().isPresent()) {
        named.putIfAbsent(event.task().getAsLong(), 0);
      }
      if (event.kind().equals("advance")) {
        int i = event.task().isPresent() ? index.find(event.task().getAsLong()) : -1;
        if (i >= 0) {
          advancedRings.set(index.ringPositionOf(i));
        } else if (event.task().isEmpty()) {
          advancedRings.set(0, index.ringCount());
        }
      }
    }
  }

  boolean schedulerAlive() {
    return schedulerAlive;
  }

  /** Whether a pending event names task {@code id}. */
  boolean names(long id) {
    return named.get(id) >= 0;
  }

  /** Whether a pending advance event applies to task {@code i}'s ring (only for a CONSUMED head). */
  boolean advances(int i) {
    return index.task(i).state() == TaskState.CONSUMED
        && advancedRings.get(index.ringPositionOf(i));
  }
}
