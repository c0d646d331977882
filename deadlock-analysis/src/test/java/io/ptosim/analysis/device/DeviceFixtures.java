package io.ptosim.analysis.device;

import io.ptosim.analysis.verdict.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads the excerpts under src/test/resources/device. */
final class DeviceFixtures {
  private DeviceFixtures() {}

  static String text(String name) {
    try (InputStream in = DeviceFixtures.class.getResourceAsStream("/device/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DeviceLog read(String name) throws DeviceLogException {
    return new DeviceLogReader(Optional.empty()).read(text(name));
  }

  static Verdict verdict(String name) throws DeviceLogException {
    return DeviceDecision.decide(read(name));
  }
}
