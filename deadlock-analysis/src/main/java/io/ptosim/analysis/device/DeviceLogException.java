package io.ptosim.analysis.device;

import static com.google.common.base.Preconditions.checkNotNull;

/** A recognised device-log record holds a bad value; the message is one line naming the line. */
public final class DeviceLogException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int line;

  /** An error at 1-based {@code line}; {@code message} is the full text. */
  public DeviceLogException(int line, String message) {
    super(checkNotNull(message, "message"));
    this.line = line;
  }

  /** {@code line N: bad value 'V' in RECORD: REASON}. */
  static DeviceLogException badValue(int line, String value, String record, String reason) {
    return new DeviceLogException(
        line, "line " + line + ": bad value '" + value + "' in " + record + ": " + reason);
  }

  /** The 1-based line number. */
  public int line() {
    return line;
  }
}
