package io.ptosim.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens and writes the files a command was asked to produce; a path that cannot be written is bad input. */
final class OutputFiles {

  private OutputFiles() {}

  static void write(Path path, String option, String text) {
    try {
      Files.writeString(path, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw cannotWrite(path, option, e);
    }
  }

  static OutputStream stream(Path path, String option) {
    try {
      return Files.newOutputStream(path);
    } catch (IOException e) {
      throw cannotWrite(path, option, e);
    }
  }

  static Writer writer(Path path, String option) {
    try {
      return Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw cannotWrite(path, option, e);
    }
  }

  private static UserInputException cannotWrite(Path path, String option, IOException e) {
    String why = e instanceof java.nio.file.NoSuchFileException ? "no such directory"
        : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
        : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
        : e.getClass().getSimpleName();
    return new UserInputException(option + " " + path + ": cannot write (" + why + ")");
  }
}
