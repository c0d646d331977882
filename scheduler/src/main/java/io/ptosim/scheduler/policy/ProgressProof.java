package io.ptosim.scheduler.policy;

import com.google.common.base.Preconditions;

/**
 * A cheap proof that a stall clears if the system keeps running: the ring head's retirement waits
 * only for tasks that are running, ready, or waiting for such tasks (see
 * {@link StallContext#progressProof()}).
 *
 * @param reason one line, as a verdict reason
 * @param witness the tasks the head's retirement waits for, as a verdict witness
 */
public record ProgressProof(String reason, String witness) {
  public ProgressProof {
    Preconditions.checkNotNull(reason, "reason");
    Preconditions.checkNotNull(witness, "witness");
  }
}
