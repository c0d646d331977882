package io.ptosim.analysis.verdict;

import com.google.common.collect.ImmutableList;

/**
 * The checker's answer for one stall: its kind, one sentence for a runtime engineer, a witness,
 * and the assumptions it rests on. A verdict with no assumptions is certain; one drawn from
 * counters alone lists which inferred producers, consumers or publish states it relied on.
 */
public sealed interface Verdict
    permits RealDeadlock, UnretiredProgress, LostWakeup, InvariantViolation, NoStall {

  /** Which of the answers. */
  VerdictKind kind();

  /** One sentence saying why. */
  String reason();

  /**
   * The witness: a cycle of waits (REAL_DEADLOCK), a chain of possible events that retires the
   * head (UNRETIRED_PROGRESS), the waits that lead to the missing trigger (LOST_WAKEUP), or the
   * broken rules (INVARIANT_VIOLATION), or what a device log shows instead of a stall (NO_STALL).
   */
  ImmutableList<WitnessStep> witness();

  /** What the verdict assumes; empty when every fact it rests on was observed. */
  ImmutableList<Assumption> assumptions();

  /** True when the verdict rests on no assumption. */
  default boolean certain() {
    return assumptions().isEmpty();
  }
}
