package io.ptosim.properties.check;

import io.ptosim.des.event.TraceEvent;
import io.ptosim.properties.run.Observation;
import io.ptosim.scheduler.runtime.RingConfig;
import io.ptosim.scheduler.runtime.TaskIds;
import io.ptosim.scheduler.version.RuntimeVersions;
import java.util.HashSet;
import java.util.Set;

/**
 * Upstream #1545 as a run shows it: under a version whose try-lock loser just returns (pr482), two
 * threads that make tasks of one ring CONSUMED at once can leave last_alive behind a CONSUMED head.
 * That outcome depends on which thread took the lock first, so it is the version's own race, not a
 * tie-order bug of the model, and it can take back progress the checker saw at an earlier stall.
 * Under main (#1586's pending bit) the advance is promised and a head left behind stays a failure.
 */
final class AdvanceRace {
  private AdvanceRace() {}

  /** Whether {@code run}'s version may lose an advance and its trace ends with some ring's head CONSUMED. */
  static boolean lostIn(Observation run) {
    if (RuntimeVersions.byName(run.settings().runtime()).scheduler().advance().marksPending()) {
      return false;
    }
    long[] lastAlive = new long[RingConfig.RING_COUNT];
    Set<Long> consumed = new HashSet<>();
    for (TraceEvent e : run.events()) {
      if (e instanceof TraceEvent.RingAdvance a) {
        lastAlive[a.ring()] = Math.max(lastAlive[a.ring()], a.toLastAlive());
      } else if (e instanceof TraceEvent.Consumed c) {
        consumed.add(c.task());
      }
    }
    for (int r = 0; r < RingConfig.RING_COUNT; r++) {
      if (consumed.contains(TaskIds.of(r, lastAlive[r]))) {
        return true;
      }
    }
    return false;
  }
}
