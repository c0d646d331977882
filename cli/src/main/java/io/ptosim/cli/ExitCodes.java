package io.ptosim.cli;

/** The exit statuses of {@code ptosim}, documented in docs/user-guide.md. */
final class ExitCodes {
  /** The run completed, the check ran, the reproduction matched its catalogue entry. */
  static final int OK = 0;
  /** The run ended without completing (aborted, blocked, out of budget), or a reproduction did not match. */
  static final int NOT_COMPLETED = 1;
  /** Bad input: a flag, a program file, a snapshot. */
  static final int BAD_INPUT = 2;
  /** A bug in ptosim itself. */
  static final int INTERNAL = 3;

  private ExitCodes() {}
}
