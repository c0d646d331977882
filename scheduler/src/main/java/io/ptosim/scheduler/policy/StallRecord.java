package io.ptosim.scheduler.policy;

import com.google.common.base.Preconditions;
import java.util.Optional;

/**
 * One allocator stall of a run: when it began, on which ring and resource, the last verdict a policy
 * gave it (with its reason), and whether the allocation eventually succeeded.
 */
public record StallRecord(
    long atNs, int ring, StallResource resource, Optional<String> verdict, String reason, boolean resumed) {
  public StallRecord {
    Preconditions.checkNotNull(resource, "resource");
    Preconditions.checkNotNull(verdict, "verdict");
    Preconditions.checkNotNull(reason, "reason");
  }
}
