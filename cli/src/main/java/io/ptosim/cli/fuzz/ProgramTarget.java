package io.ptosim.cli.fuzz;

import io.ptosim.cli.TextInput;
import io.ptosim.cli.UserInputException;
import io.ptosim.des.kernel.RunLimits;
import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramException;
import io.ptosim.scheduler.program.ProgramJson;
import io.ptosim.scheduler.run.KernelLookup;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.run.Simulation;
import java.util.List;

/**
 * {@code ptosim run --program}'s reader: text decoding, the program reader and validator, the
 * kernel lookup, then one bounded run (checker policy, {@value #MAX_EVENTS} events).
 */
final class ProgramTarget implements FuzzTarget {
  static final long MAX_EVENTS = 100_000;

  private final List<byte[]> seeds = Seeds.load("issue277-scope-overflow.json", "publish-hidden-alloc.json",
      "ready-without-transition.json", "generated-stall.json");

  @Override
  public String name() {
    return "program";
  }

  @Override
  public List<byte[]> seeds() {
    return seeds;
  }

  @Override
  public FuzzOutcome read(byte[] input) {
    Program program;
    try {
      program = ProgramJson.parse(TextInput.decode("input", input));
    } catch (UserInputException e) {
      return FuzzOutcome.rejected(e.getMessage());
    } catch (ProgramException e) {
      return FuzzOutcome.rejected(e.getMessage());
    }
    try {
      KernelLookup.check(program, PlatformProfiles.a2a3());
    } catch (IllegalArgumentException e) {
      return FuzzOutcome.rejected(e.getMessage());
    }
    RunConfig config = RunConfig.builder(program).policy("checker").limits(RunLimits.DEFAULT.withMaxEvents(MAX_EVENTS)).build();
    Simulation.run(config, List.of());
    return FuzzOutcome.accepted();
  }
}
