package io.ptosim.scheduler.version.orch;

import io.ptosim.scheduler.program.Op;
import io.ptosim.scheduler.program.Program;
import java.util.Optional;

/**
 * Whether the version's orchestration API has {@code rt_report_fatal} (a program's
 * {@code report_fatal} op). Where it has, the op latches its code and ends the run; where it has
 * not, an orchestration calling it would not build, so a program with the op is refused before
 * the run.
 */
public interface ReportFatalRule {
  /** Why the version cannot run a {@code report_fatal} op, or empty when it has the call. */
  Optional<String> unavailable();

  /**
   * An {@link IllegalArgumentException} naming the first {@code report_fatal} op of {@code program}
   * when the version has no such call.
   */
  default void check(Program program) {
    Optional<String> why = unavailable();
    if (why.isEmpty()) {
      return;
    }
    for (int i = 0; i < program.ops().size(); i++) {
      if (program.ops().get(i) instanceof Op.ReportFatal) {
        throw new IllegalArgumentException("op " + i + ": (report_fatal) " + why.get());
      }
    }
  }
}
