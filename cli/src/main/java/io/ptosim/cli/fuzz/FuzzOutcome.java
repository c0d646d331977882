package io.ptosim.cli.fuzz;

import java.util.regex.Pattern;

/** How one fuzz case ended: a result, or a one-line input error. */
public sealed interface FuzzOutcome {

  /** The input gave a result (a verdict, a run report, a parsed file). */
  record Accepted() implements FuzzOutcome {}

  /** The input was refused with {@code message}, as a user would see it. */
  record Rejected(String message) implements FuzzOutcome {}

  /** A result. */
  static FuzzOutcome accepted() {
    return new Accepted();
  }

  /** A refusal with {@code message}. */
  static FuzzOutcome rejected(String message) {
    return new Rejected(message);
  }

  /** Words by which a message says where the input is wrong (a JSON pointer such as {@code /tasks/2/kernel_ids} too). */
  Pattern LOCATION = Pattern.compile(
      "line \\d+|op \\d+|field '|offset \\d+|(^|[ '])--[a-z]|token '|runs\\[\\d+]|settings|version|no task record|"
          + "Unknown option|Missing required|Unmatched argument|Expected parameter|Invalid value|should be specified only once|"
          + "are mutually exclusive|Missing argument|not UTF-8|binary data|a program file must be|JSON object|\\(known: |cannot read |(^|\\s)/[A-Za-z0-9_/]*: ");

  /** Whether {@code message} names a line, op, field, token, offset or flag. */
  static boolean namesALocation(String message) {
    return LOCATION.matcher(message).find();
  }
}
