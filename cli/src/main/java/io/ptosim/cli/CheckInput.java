package io.ptosim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code ptosim check} was pointed at: a file, {@code -} (standard input, spooled to a
 * temporary file so that it can be read twice), or a run's output folder as upstream writes it
 * ({@code log.txt} plus whichever side files exist).
 */
final class CheckInput implements AutoCloseable {
  /** The side files upstream writes beside {@code log.txt}. */
  static final List<String> SIDE_FILES = List.of("deps.json", "chip_swimlane_records.json", "scope_stats.jsonl");

  private final String name;
  private final Path log;
  private final boolean temporary;
  private final List<String> sideFiles;
  private Optional<Path> folder = Optional.empty();

  private CheckInput(String name, Path log, boolean temporary, List<String> sideFiles) {
    this.name = name;
    this.log = log;
    this.temporary = temporary;
    this.sideFiles = sideFiles;
  }

  static CheckInput of(String argument, InputStream stdin) {
    if (argument.equals("-")) {
      try {
        Path spool = Files.createTempFile("ptosim-check-", ".log");
        Files.copy(stdin, spool, StandardCopyOption.REPLACE_EXISTING);
        return new CheckInput("<stdin>", spool, true, List.of());
      } catch (IOException e) {
        throw new UserInputException("cannot read <stdin>: " + TextInput.reason(e));
      }
    }
    Path path = Path.of(argument);
    if (Files.isDirectory(path)) {
      Path log = path.resolve("log.txt");
      if (!Files.isRegularFile(log)) {
        throw new UserInputException(argument + ": a directory without log.txt (a run's output folder holds log.txt)");
      }
      List<String> present = new ArrayList<>();
      for (String side : SIDE_FILES) {
        if (Files.isRegularFile(path.resolve(side))) {
          present.add(side);
        }
      }
      CheckInput in = new CheckInput(log.toString(), log, false, List.copyOf(present));
      in.folder = Optional.of(path);
      return in;
    }
    return new CheckInput(argument, path, false, List.of());
  }

  /** The name error messages use. */
  String name() {
    return name;
  }

  /** The run folder, when the input was one. */
  Optional<Path> folder() {
    return folder;
  }

  /** The log to read. */
  Path log() {
    return log;
  }

  /** The side files found beside {@code log.txt} in a run folder. */
  List<String> sideFiles() {
    return sideFiles;
  }

  @Override
  public void close() {
    if (temporary) {
      try {
        Files.deleteIfExists(log);
      } catch (IOException e) {
        // A leftover temporary file is harmless; the check's answer stands.
      }
    }
  }
}
