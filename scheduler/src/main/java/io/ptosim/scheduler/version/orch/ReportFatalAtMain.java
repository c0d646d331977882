package io.ptosim.scheduler.version.orch;

import java.util.Optional;

/**
 * Upstream main at 6ebaf77: {@code rt_report_fatal(code, fmt, ...)} ({@code orchestration/pto_orchestration_api.h})
 * calls the runtime's {@code report_fatal}, which latches the code ({@code orch_mark_fatal}) and logs
 * {@code FATAL(code=N): message} under the orchestration function's name ({@code orch_report_fatal_v},
 * {@code pto_orchestrator.cpp}); every later orchestration call is a no-op.
 */
public final class ReportFatalAtMain implements ReportFatalRule {
  @Override
  public Optional<String> unavailable() {
    return Optional.empty();
  }
}
