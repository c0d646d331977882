package io.ptosim.analysis.text;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A recognised snapshot record holds a bad value. The message is one line that names the line
 * number and the offending token, e.g. {@code line 7: bad token 'fanin=4/2': done exceeds total}.
 */
public final class SnapshotFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final String token;

  /** An error at 1-based {@code line} about {@code token}; {@code message} is the full text. */
  public SnapshotFormatException(int line, String token, String message) {
    super(checkNotNull(message, "message"));
    this.line = line;
    this.token = checkNotNull(token, "token");
  }

  static SnapshotFormatException badToken(int line, String token, String reason) {
    return new SnapshotFormatException(
        line, token, "line " + line + ": bad token '" + token + "': " + reason);
  }

  static SnapshotFormatException missingToken(int line, String key, String record) {
    return new SnapshotFormatException(
        line, key + "=", "line " + line + ": missing token '" + key + "=' in " + record + " record");
  }

  /** The 1-based line number. */
  public int line() {
    return line;
  }

  /** The offending token as written, or {@code key=} for a missing one. */
  public String token() {
    return token;
  }
}
