package io.ptosim.cli;

/** An input error about one line of the checked input, so that {@code --json} can name it. */
final class CheckLineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int line;

  CheckLineException(String message, int line) {
    super(message);
    this.line = line;
  }
}
