package io.ptosim.scheduler.policy;

import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.des.platform.PlatformProfile;
import java.util.Optional;

/**
 * The seam between the runtime and a stall policy: what the blocked orchestrator waits for, the
 * runtime state on demand, and one timer the policy may arm. Valid only during the policy call
 * it is passed to.
 */
public interface StallContext {

  /** Virtual time now. */
  long nowNs();

  /** When this stall began. */
  long stalledSinceNs();

  /** When the orchestrator last saw the ring's last_alive increase (the stall start if never). */
  long lastProgressNs();

  /** The ring the orchestrator allocates from. */
  int ring();

  StallResource resource();

  /** The ring's window (slots); at most {@code window - 1} tasks are live. */
  long window();

  /** Ring-local id of the ring head (last_alive). */
  long lastAlive();

  /** Ring-local id the next task would get (current). */
  long current();

  PlatformProfile platform();

  /**
   * #1610's structural test: the ring head is the oldest task owned by any open scope that
   * allocates from this ring (on ring 3, scopes of every depth from 3 on), so no scope the blocked
   * orchestrator could end will free it.
   */
  boolean headIsOldestOpenScopeTask();

  /** The runtime as the stall checker sees it, including the kernel's pending events. */
  Snapshot snapshot();

  /**
   * A proof, read off the runtime's own state in time proportional to what the ring head waits
   * for, that the stall clears if the system keeps running: the head's scope has ended and every
   * task its retirement waits for (the head, its unfinished consumers, and transitively their
   * unfinished producers) is published and will complete, because it is running, ready, or
   * waits only for such tasks, while runtime events are pending. It follows the stall checker's
   * rules, so whenever it exists the checker's verdict on {@link #snapshot()} is
   * UNRETIRED_PROGRESS. It also checks the invariants the checker would flag on the tasks it
   * visits, every task created after the head and every task waiting in a ready queue, and is empty
   * when one is broken (a published hidden task, a PENDING task queued as ready, ...), so that the
   * checker reports the INVARIANT_VIOLATION. Empty when it cannot tell; then only the checker can.
   */
  default Optional<ProgressProof> progressProof() {
    return Optional.empty();
  }

  /** Arms (or re-arms) the policy's single timer at {@code atNs}; it calls {@link StallPolicy#onTimer}. */
  void armTimer(long atNs);

  void cancelTimer();

  /** Records a verdict for this stall: a trace event, the stall record, and the run's finding. */
  void verdict(String verdict, String reason, Optional<String> witness);
}
