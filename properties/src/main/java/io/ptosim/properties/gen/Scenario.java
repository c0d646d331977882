package io.ptosim.properties.gen;

import com.google.common.base.Preconditions;
import io.ptosim.properties.run.RunSettings;
import io.ptosim.scheduler.program.Program;

/**
 * A generated program with the exact settings a property runs it with. Properties take scenarios
 * rather than a program and settings apart, so that a shrunk counterexample carries everything its
 * replay needs.
 */
public record Scenario(Program program, RunSettings settings) {
  public Scenario {
    Preconditions.checkNotNull(program, "program");
    Preconditions.checkNotNull(settings, "settings");
  }

  @Override
  public String toString() {
    return program.taskCount() + " tasks, " + program.ops().size() + " ops, " + settings.describe();
  }
}
