package io.ptosim.scheduler.policy;

import com.google.common.base.Preconditions;

/** What a stall policy decides at a stall, at progress, at its timer or at quiescence. */
public sealed interface StallDecision {

  /** Keep waiting (at quiescence: nothing more can happen, the run ends blocked). */
  record Wait() implements StallDecision {}

  /**
   * Abort the run as the device would: its orch_error_code and fatal message. Code 0 is a process
   * that printed its report and exited without latching a code (pr482's dependency-pool stall).
   */
  record Abort(int code, String message) implements StallDecision {
    public Abort {
      Preconditions.checkArgument(code >= 0, "an abort needs a non-negative error code");
      Preconditions.checkNotNull(message, "message");
    }
  }

  static StallDecision keepWaiting() {
    return new Wait();
  }

  static StallDecision abort(int code, String message) {
    return new Abort(code, message);
  }
}
