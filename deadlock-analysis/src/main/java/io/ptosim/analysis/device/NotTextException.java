package io.ptosim.analysis.device;

import java.io.IOException;

/**
 * The input is not UTF-8 text: a NUL byte ({@code binary data, not text (NUL byte at offset N)})
 * or a malformed sequence ({@code not UTF-8 text (bad byte at offset N)}); offsets count bytes
 * from the start of the input.
 */
public final class NotTextException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int line;

  NotTextException(int line, String message) {
    super(message);
    this.line = line;
  }

  /** The 1-based line holding the offending byte. */
  public int line() {
    return line;
  }
}
