package io.ptosim.properties.corpus;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramException;
import io.ptosim.scheduler.program.ProgramJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A stored program with its expectation: {@code NAME.json} (a ptosim program file) next to
 * {@code NAME.expect} ({@link ExpectationJson}). Corpus entries and counterexamples share the form;
 * {@link Replayer} runs them.
 */
public record CorpusEntry(Path programFile, Program program, Expectation expectation) {
  public CorpusEntry {
    Preconditions.checkNotNull(programFile, "programFile");
    Preconditions.checkNotNull(program, "program");
    Preconditions.checkNotNull(expectation, "expectation");
  }

  /** The {@code .expect} file next to a program file. */
  public static Path expectFile(Path programFile) {
    String name = programFile.getFileName().toString();
    Preconditions.checkArgument(name.endsWith(".json"), "a program file ends in .json: %s", programFile);
    return programFile.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".expect");
  }

  /** Loads the program file and its sibling {@code .expect} file. */
  public static CorpusEntry load(Path programFile) throws IOException {
    Program program;
    try {
      program = ProgramJson.read(programFile);
    } catch (ProgramException e) {
      throw new IOException(programFile + ": " + e.getMessage(), e);
    }
    Path expect = expectFile(programFile);
    try {
      return new CorpusEntry(programFile, program, ExpectationJson.parse(Files.readString(expect, StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException e) {
      throw new IOException(expect + ": " + e.getMessage(), e);
    }
  }

  /** Every entry of a corpus directory, by file name. */
  public static ImmutableList<Path> list(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().collect(ImmutableList.toImmutableList());
    }
  }

  /** Writes both files (creating the directory). */
  public void write() throws IOException {
    Files.createDirectories(programFile.toAbsolutePath().getParent());
    ProgramJson.write(program, programFile);
    Files.writeString(expectFile(programFile), ExpectationJson.write(expectation), StandardCharsets.UTF_8);
  }
}
