package io.ptosim.cli.fuzz;

import io.ptosim.analysis.StallChecker;
import io.ptosim.analysis.export.ExportScope;
import io.ptosim.analysis.export.WitnessExporter;
import io.ptosim.analysis.text.ParsedSnapshot;
import io.ptosim.analysis.text.SnapshotFormatException;
import io.ptosim.analysis.text.SnapshotParser;
import io.ptosim.cli.TextInput;
import io.ptosim.cli.UserInputException;
import java.util.List;

/** {@code ptosim check}'s reader: text decoding, the snapshot parser, the checker and its DOT export. */
final class SnapshotTarget implements FuzzTarget {
  private final List<byte[]> seeds = Seeds.load("seed-495.txt", "sim-deadlock.txt", "sim-lost-wakeup.txt");

  @Override
  public String name() {
    return "snapshot";
  }

  @Override
  public List<byte[]> seeds() {
    return seeds;
  }

  @Override
  public FuzzOutcome read(byte[] input) {
    ParsedSnapshot parsed;
    try {
      parsed = SnapshotParser.parse(TextInput.decode("input", input));
    } catch (UserInputException e) {
      return FuzzOutcome.rejected(e.getMessage());
    } catch (SnapshotFormatException e) {
      return FuzzOutcome.rejected(e.getMessage());
    }
    if (parsed.snapshot().tasks().isEmpty()) {
      return FuzzOutcome.rejected("no task record found");
    }
    StallChecker checker = new StallChecker(parsed.snapshot());
    checker.verdict();
    new WitnessExporter(checker, ExportScope.WITNESS).toDot();
    return FuzzOutcome.accepted();
  }
}
