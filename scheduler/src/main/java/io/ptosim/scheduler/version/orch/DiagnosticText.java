package io.ptosim.scheduler.version.orch;

import com.google.common.collect.ImmutableList;

/**
 * A version's own fatal report, line by line, as its device log prints it ({@code [ERROR] function:
 * text}, without upstream's file:line), so that a device-log reader reads a simulated abort as it
 * reads a real one. Only the lines that carry facts are printed, not upstream's advice.
 */
public interface DiagnosticText {
  /** The log lines of {@code failure}. */
  ImmutableList<String> lines(DeviceFailure failure);

  /** The separator upstream prints around a report. */
  String RULE = "========================================";
}
