package io.ptosim.cli.fuzz;

import io.ptosim.analysis.device.DeviceLogException;
import io.ptosim.analysis.device.DeviceLogReader;
import io.ptosim.cli.TextInput;
import io.ptosim.cli.UserInputException;
import java.util.List;
import java.util.Optional;

/** {@code ptosim check}'s device-log reader (every dialect, detected): text decoding, then {@link DeviceLogReader}. */
final class DeviceLogTarget implements FuzzTarget {
  private final List<byte[]> seeds = Seeds.load("main-task-ring-gated.log", "main-scope-deadlock.log", "pr482-scope-deadlock.log",
      "main-heap-gated.log", "stall-dump-ready.log", "main-fanin-spill.log", "older-forms.log");

  @Override
  public String name() {
    return "device-log";
  }

  @Override
  public List<byte[]> seeds() {
    return seeds;
  }

  @Override
  public FuzzOutcome read(byte[] input) {
    try {
      new DeviceLogReader(Optional.empty()).read(TextInput.decode("input", input));
      return FuzzOutcome.accepted();
    } catch (UserInputException e) {
      return FuzzOutcome.rejected(e.getMessage());
    } catch (DeviceLogException e) {
      return FuzzOutcome.rejected(e.getMessage());
    }
  }
}
