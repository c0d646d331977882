package io.ptosim.cli.fuzz;

import io.ptosim.scheduler.upstream.DepsJson;
import io.ptosim.scheduler.upstream.UpstreamFormatException;
import java.io.ByteArrayInputStream;
import java.util.List;

/** The reader of upstream's {@code deps.json}: {@link DepsJson#read}. */
final class DepsJsonTarget implements FuzzTarget {
  private final List<byte[]> seeds = Seeds.load("deps-small.json", "deps-multiblock.json");

  @Override
  public String name() {
    return "deps-json";
  }

  @Override
  public List<byte[]> seeds() {
    return seeds;
  }

  @Override
  public FuzzOutcome read(byte[] input) throws Exception {
    try {
      DepsJson.read(new ByteArrayInputStream(input));
      return FuzzOutcome.accepted();
    } catch (UpstreamFormatException e) {
      return FuzzOutcome.rejected(e.getMessage());
    }
  }
}
