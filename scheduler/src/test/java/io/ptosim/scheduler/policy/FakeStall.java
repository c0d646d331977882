package io.ptosim.scheduler.policy;

import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.des.platform.PlatformProfile;
import io.ptosim.des.platform.PlatformProfiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A stall context with settable facts that records what a policy asked of it. */
final class FakeStall implements StallContext {
  long now = 1_000;
  long since = 1_000;
  long lastProgress = 1_000;
  int ring = 2;
  StallResource resource = StallResource.TASK_RING;
  boolean headIsOldestOpenScopeTask;
  Long timerAt;
  final List<String> verdicts = new ArrayList<>();

  @Override public long nowNs() { return now; }
  @Override public long stalledSinceNs() { return since; }
  @Override public long lastProgressNs() { return lastProgress; }
  @Override public int ring() { return ring; }
  @Override public StallResource resource() { return resource; }
  @Override public long window() { return 16; }
  @Override public long lastAlive() { return 0; }
  @Override public long current() { return 15; }
  @Override public PlatformProfile platform() { return PlatformProfiles.a2a3(); }
  @Override public boolean headIsOldestOpenScopeTask() { return headIsOldestOpenScopeTask; }

  @Override
  public Snapshot snapshot() {
    throw new UnsupportedOperationException("not needed by this policy");
  }

  @Override public void armTimer(long atNs) { timerAt = atNs; }
  @Override public void cancelTimer() { timerAt = null; }

  @Override
  public void verdict(String verdict, String reason, Optional<String> witness) {
    verdicts.add(verdict);
  }
}
