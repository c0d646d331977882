package io.ptosim.scheduler.version.orch;

/**
 * PR #482 at 01d0723 ({@code pto_orchestrator.cpp pto2_submit_mixed_task_impl}): the same guard
 * logs {@code FATAL: require_sync_start ...} and sets {@code orch->fatal} without storing an error
 * code (01d0723 has no code 7; its 7 is OUT_OF_MEMORY).
 */
public final class SyncStartAtPr482 implements SyncStartGuard {
  @Override
  public int errorCode() {
    return 0;
  }
}
