package io.ptosim.scheduler.version.orch;

import java.util.Optional;

/** PR #482 at 01d0723: the orchestration API has no {@code rt_report_fatal} (no report_fatal in the runtime). */
public final class ReportFatalAtPr482 implements ReportFatalRule {
  @Override
  public Optional<String> unavailable() {
    return Optional.of("runtime pr482 (01d0723) has no rt_report_fatal: an orchestration calling it does not build there");
  }
}
