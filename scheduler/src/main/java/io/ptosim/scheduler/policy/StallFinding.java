package io.ptosim.scheduler.policy;

import com.google.common.base.Preconditions;
import java.util.Optional;

/**
 * A policy's judgement of a stall: a verdict word (e.g. {@code REAL_DEADLOCK}, {@code SPIN_LIMIT}),
 * a one-line reason and, from the checker, the witness that proves it.
 */
public record StallFinding(String verdict, String reason, Optional<String> witness) {
  public StallFinding {
    Preconditions.checkNotNull(verdict, "verdict");
    Preconditions.checkNotNull(reason, "reason");
    Preconditions.checkNotNull(witness, "witness");
  }
}
