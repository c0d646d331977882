package io.ptosim.properties.explore;

import io.ptosim.properties.run.Observation;
import io.ptosim.properties.run.RunSettings;
import io.ptosim.properties.run.Runs;
import io.ptosim.scheduler.program.Program;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The runs of one program, by settings and policy, so that properties asking for the same run
 * (checker agreement and legacy soundness both need patient and checker) share it. Runs are
 * deterministic, hence sharing changes no result. One per program and thread; not thread-safe.
 */
final class RunCache {
  private record Key(RunSettings settings, String policy) {}

  private final Program program;
  private final Map<Key, Observation> runs = new LinkedHashMap<>();

  RunCache(Program program) {
    this.program = program;
  }

  Program program() {
    return program;
  }

  /** The run of the program with {@code settings} under {@code policy}, made once. */
  Observation get(RunSettings settings, String policy) {
    return runs.computeIfAbsent(new Key(settings, policy), k -> Runs.run(program, k.settings(), k.policy()));
  }

  /** The run if it was made. */
  Optional<Observation> made(RunSettings settings, String policy) {
    return Optional.ofNullable(runs.get(new Key(settings, policy)));
  }
}
