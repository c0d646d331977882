package io.ptosim.properties.explore;

import com.google.common.base.Preconditions;
import io.ptosim.properties.gen.ProgramShape;
import io.ptosim.properties.run.RunSettings;
import io.ptosim.scheduler.program.Program;

/**
 * Program {@code index} of a campaign's stream: its shape (what shrinking reduces), the rendered
 * program, the settings its properties start from, and the per-program choices some properties
 * need (a shuffle seed, a policy, a fault to probe), all drawn from the program's own seed.
 *
 * @param index position in the seed's stream, from 0
 * @param shape the generated shape
 * @param program {@code shape} rendered
 * @param settings the stalling settings (campaign fault and runtime applied)
 * @param shuffleSeed the tie-break seed of the tie-order property
 * @param repeatPolicy the policy the determinism property runs twice
 * @param probing whether the shape carries the fault-probing MANUAL scope
 */
public record ExploreCase(
    long index, ProgramShape shape, Program program, RunSettings settings, long shuffleSeed, String repeatPolicy,
    boolean probing) {
  public ExploreCase {
    Preconditions.checkArgument(index >= 0, "index must be non-negative: %s", index);
    Preconditions.checkNotNull(shape, "shape");
    Preconditions.checkNotNull(program, "program");
    Preconditions.checkNotNull(settings, "settings");
    Preconditions.checkNotNull(repeatPolicy, "repeatPolicy");
  }

  /** The same case with another shape (a shrinking step): the rest stays as drawn. */
  public ExploreCase withShape(ProgramShape value, Program rendered) {
    return new ExploreCase(index, value, rendered, settings, shuffleSeed, repeatPolicy, probing);
  }
}
