package io.ptosim.scheduler.runtime;

import io.ptosim.scheduler.policy.StallResource;
import io.ptosim.scheduler.version.orch.DeviceFailure;
import java.util.List;

/**
 * Builds the {@link DeviceFailure} of an abort from the runtime's state at that instant: what the
 * device's own report would print (ring counters, heap, pool, the ring head's slot).
 */
final class FatalReports {
  private FatalReports() {}

  static DeviceFailure.RingState ringState(Ring r) {
    return new DeviceFailure.RingState(r.id, r.current, r.lastAlive, r.window, r.heapTop, r.heapTail, r.heapSize,
        r.depPool, r.depTop, r.depTail, r.depHighWater, r.depPool, r.faninTop, r.faninTail, r.faninHighWater);
  }

  /**
   * The head slot of {@code ring}: a task not yet allocated reads as upstream's zeroed slot
   * (PENDING, no consumers, scope not released).
   */
  static DeviceFailure.HeadTask head(DeviceRuntime rt, Ring ring, List<Scope> scopes) {
    if (ring.lastAlive >= ring.current) {
      return new DeviceFailure.HeadTask(ring.lastAlive, TaskTable.PENDING, 0, 0, false);
    }
    TaskTable t = rt.tasks;
    int g = ring.taskAt(ring.lastAlive);
    boolean released = !scopes.get(t.scope[g]).open();
    // The owning scope's reference is upstream's bit 31, not a consumer.
    long done = t.fanoutDone[g] - (released ? 1 : 0);
    return new DeviceFailure.HeadTask(ring.lastAlive, t.state[g], done, t.fanoutTotal[g] - 1L, released);
  }

  static DeviceFailure.AllocatorDeadlock allocator(DeviceRuntime rt, List<Scope> scopes, StallResource resource,
      int ring, String verdict, long requestedBytes, long neededEntries) {
    Ring r = rt.rings[ring];
    return new DeviceFailure.AllocatorDeadlock(resource, detection(verdict), 0, ringState(r), requestedBytes,
        neededEntries, head(rt, r, scopes));
  }

  private static DeviceFailure.Detection detection(String verdict) {
    switch (verdict) {
      case "SCOPE_CYCLE":
        return DeviceFailure.Detection.STRUCTURAL;
      case "BACKSTOP":
        return DeviceFailure.Detection.BACKSTOP;
      case "SPIN_LIMIT":
        return DeviceFailure.Detection.SPIN_LIMIT;
      default:
        return DeviceFailure.Detection.POLICY;
    }
  }
}
