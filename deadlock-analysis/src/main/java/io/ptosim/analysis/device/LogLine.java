package io.ptosim.analysis.device;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One log line with its wrapper removed.
 *
 * @param number 1-based line number in the input (for the onboard form, the message line)
 * @param level the level tag ({@code ERROR}, {@code WARN}, ...), empty when the line had none
 * @param function the logging function, empty when the line had none
 * @param message what the runtime formatted, without {@code [file:line] }
 * @param wrapper which wrapper the line had
 */
public record LogLine(int number, String level, String function, String message, Wrapper wrapper) {

  /** The wrappers the runtime puts around a message. */
  public enum Wrapper {
    /** {@code [mono_ns=…][T0x…][LEVEL] func: [file:line] } (sim and host). */
    SIM_HOST,
    /** {@code [LEVEL] func: [file:line] } (sim device side, seed era). */
    BARE,
    /** Thread id and function on one line, the message on the next in double quotes (onboard dlog). */
    ONBOARD,
    /** No prefix at all. */
    NONE
  }

  /** Rejects nulls and non-positive line numbers. */
  public LogLine {
    checkArgument(number >= 1, "line number %s < 1", number);
    checkNotNull(level, "level");
    checkNotNull(function, "function");
    checkNotNull(message, "message");
    checkNotNull(wrapper, "wrapper");
  }
}
