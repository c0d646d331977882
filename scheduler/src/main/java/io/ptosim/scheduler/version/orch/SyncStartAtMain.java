package io.ptosim.scheduler.version.orch;

/**
 * Upstream main at 6ebaf77 ({@code pto_orchestrator.cpp PTO2OrchestratorState::submit_task}):
 * {@code report_fatal(PTO2_ERROR_REQUIRE_SYNC_START_INVALID, ...)}, code 7.
 */
public final class SyncStartAtMain implements SyncStartGuard {
  /** Upstream PTO2_ERROR_REQUIRE_SYNC_START_INVALID ({@code common/pto_runtime_status.h}). */
  public static final int REQUIRE_SYNC_START_INVALID = 7;

  @Override
  public int errorCode() {
    return REQUIRE_SYNC_START_INVALID;
  }
}
