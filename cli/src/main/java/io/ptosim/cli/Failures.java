package io.ptosim.cli;

import java.io.PrintWriter;
import java.util.Map;

/**
 * How a command that failed is reported: bad input as one line with exit status 2; out of memory
 * as one line with the {@code PTOSIM_JAVA_OPTS=-Xmx...} hint and exit status 3; anything else is a
 * bug in ptosim: one line saying what failed, asking for a report, exit status 3, and the stack
 * trace only with {@code --debug}. With {@code --json} the same line also goes to stdout as one
 * JSON object {@code {"error": ..., "exitStatus": ...}}.
 */
final class Failures {
  private final boolean debug;
  private final boolean json;
  private final PrintWriter out;
  private final PrintWriter err;
  private final java.util.function.BooleanSupplier stdoutUsed;

  Failures(boolean debug, boolean json, PrintWriter out, PrintWriter err) {
    this(debug, json, out, err, () -> false);
  }

  /** {@code stdoutUsed}: whether the command already printed (then its own JSON error object stands). */
  Failures(boolean debug, boolean json, PrintWriter out, PrintWriter err, java.util.function.BooleanSupplier stdoutUsed) {
    this.debug = debug;
    this.json = json;
    this.out = out;
    this.err = err;
    this.stdoutUsed = stdoutUsed;
  }

  /** Reports bad input. */
  int badInput(String message) {
    return emit(message, ExitCodes.BAD_INPUT, null);
  }

  /** Reports {@code failure} thrown by {@code command}. */
  int report(Throwable failure, String command) {
    if (failure instanceof UserInputException) {
      return badInput(failure.getMessage());
    }
    OutOfMemoryError oom = outOfMemory(failure);
    if (oom != null) {
      long maxMiB = Runtime.getRuntime().maxMemory() >> 20;
      return emit("out of memory in '" + command + "' (the JVM's heap limit is " + maxMiB + " MiB); give it more, e.g. PTOSIM_JAVA_OPTS=-Xmx"
          + Math.max(2, 2 * ((maxMiB + 1023) / 1024)) + "g (java -Xmx... -jar ptosim-all.jar)", ExitCodes.INTERNAL, failure);
    }
    String what = failure.getMessage() == null ? failure.getClass().getName()
        : failure.getClass().getName() + ": " + failure.getMessage().lines().findFirst().orElse("");
    return emit("internal error in '" + command + "': " + what + " -- this is a bug in ptosim, please report it with the command line"
        + (debug ? "" : " (--debug prints the stack trace)"), ExitCodes.INTERNAL, failure);
  }

  private int emit(String message, int status, Throwable failure) {
    err.println("ptosim: " + message);
    if (debug && failure != null) {
      failure.printStackTrace(err);
    }
    if (json && !stdoutUsed.getAsBoolean()) {
      Map<String, Object> o = Json.object();
      o.put("error", message);
      o.put("exitStatus", status);
      out.println(Json.write(o));
    }
    return status;
  }

  private static OutOfMemoryError outOfMemory(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof OutOfMemoryError o) {
        return o;
      }
    }
    return null;
  }
}
