package io.ptosim.cli.fuzz;

import io.ptosim.analysis.device.DeviceDecision;
import io.ptosim.analysis.device.DeviceLog;
import io.ptosim.analysis.device.DeviceLogException;
import io.ptosim.analysis.device.DeviceLogReader;
import io.ptosim.analysis.device.NotTextException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** {@code ptosim check}'s device-log reader: wrappers, record parsers, dialect detection and the decision. */
final class DeviceLogTarget implements FuzzTarget {
  private final List<byte[]> seeds = Seeds.load("device-main-heap.log", "device-main-dep-pool.log",
      "device-stall-dump.log", "device-older-forms.log", "device-onboard.log");

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
      DeviceLog log = new DeviceLogReader(Optional.empty()).read(new ByteArrayInputStream(input));
      DeviceDecision.decide(log);
      return FuzzOutcome.accepted();
    } catch (DeviceLogException | NotTextException e) {
      return FuzzOutcome.rejected(e.getMessage());
    } catch (IOException e) {
      throw new IllegalStateException("reading bytes in memory cannot fail", e);
    }
  }
}
