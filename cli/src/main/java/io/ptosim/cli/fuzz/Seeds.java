package io.ptosim.cli.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The valid inputs the targets start from, shipped in the jar under {@code io/ptosim/cli/fuzz/seeds/}. */
final class Seeds {
  private Seeds() {}

  static List<byte[]> load(String... names) {
    List<byte[]> seeds = new ArrayList<>();
    for (String name : names) {
      try (InputStream in = Seeds.class.getResourceAsStream("seeds/" + name)) {
        if (in == null) {
          throw new IllegalStateException("fuzz seed " + name + " is missing from the jar");
        }
        seeds.add(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return List.copyOf(seeds);
  }
}
