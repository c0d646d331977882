package io.ptosim.scheduler.version.orch;

/**
 * The submit-time guard of {@code require_sync_start} (active_mask bit 3 in a program): a
 * sync-start task of more than one block needs all its blocks resident at once, so more blocks than
 * the platform has slots of its shape (AIV: every AIV core; AIC or MIX: every cluster) can never
 * launch. Both versions refuse such a submit before it takes a slot; they differ in what they latch.
 */
public interface SyncStartGuard {
  /** The fatal's text, as both versions format it. */
  static String message(int blockNum, int limit) {
    return "require_sync_start block_num=" + blockNum + " > limit=" + limit + " (deadlock guaranteed)";
  }

  /** The orch_error_code the refusal latches (0: the orchestrator turns fatal without a code). */
  int errorCode();
}
