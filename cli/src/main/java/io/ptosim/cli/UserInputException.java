package io.ptosim.cli;

/** Bad input from the user (a flag, a file): printed as one line, exit status 2, no stack trace. */
public final class UserInputException extends RuntimeException {
  public UserInputException(String message) {
    super(message);
  }
}
