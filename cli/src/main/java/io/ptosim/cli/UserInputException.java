package io.ptosim.cli;

/** Bad input from the user (a flag, a file): printed as one line, exit status 2, no stack trace. */
final class UserInputException extends RuntimeException {
  UserInputException(String message) {
    super(message);
  }
}
