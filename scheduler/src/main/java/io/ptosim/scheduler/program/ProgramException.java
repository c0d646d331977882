package io.ptosim.scheduler.program;

/** A program is invalid: the message names the op index (or the JSON field) and the rule broken, on one line. */
public final class ProgramException extends Exception {
  private final int opIndex;

  public ProgramException(int opIndex, String message) {
    super(io.ptosim.des.text.OneLine.of(opIndex >= 0 ? "op " + opIndex + ": " + message : message));
    this.opIndex = opIndex;
  }

  /** The index of the offending op, or -1 when the error is not about one op. */
  public int opIndex() {
    return opIndex;
  }
}
