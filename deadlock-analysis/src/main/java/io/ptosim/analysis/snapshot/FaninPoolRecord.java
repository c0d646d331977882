package io.ptosim.analysis.snapshot;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A ring's fanin spill pool while the orchestrator waits on it: {@code used} of {@code size}
 * entries are taken, {@code held} of them by the blocked submit itself. A task's entries come back
 * only once last_alive has passed it, and the blocked submit cannot retire before its own submit
 * finishes, so its entries never come back while it waits; the others do as older tasks retire.
 *
 * @param used entries taken (top - tail)
 * @param size the pool's capacity
 * @param held entries the blocked submit has taken for its own fanin
 */
public record FaninPoolRecord(long used, long size, long held) {

  /** Validates ranges. */
  public FaninPoolRecord {
    checkArgument(size >= 0, "fanin pool size %s < 0", size);
    checkArgument(used >= 0, "fanin pool used %s < 0", used);
    checkArgument(held >= 0 && held <= used, "fanin pool held %s not within 0..used %s", held, used);
  }

  /** Entries free now. */
  public long free() {
    return Math.max(0, size - used);
  }

  /** Entries that can ever be free while the blocked submit waits: all but its own. */
  public long reachable() {
    return Math.max(0, size - held);
  }
}
