package io.ptosim.properties.check;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableSet;
import io.ptosim.analysis.verdict.VerdictKind;
import io.ptosim.properties.run.Observation;
import io.ptosim.properties.run.RunSettings;
import io.ptosim.properties.run.Runs;
import io.ptosim.scheduler.policy.StallPolicies;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.run.Outcome;

/**
 * Property (d), what the seed-era and the later upstream allocator get right and wrong, judged
 * against {@code patient} on the same program and settings:
 *
 * <ul>
 *   <li>when patient completes, {@code scope-aware} never reports a proven cycle (its #1610
 *       {@code SCOPE_CYCLE} or its #277 {@code SCOPE_DEADLOCK}); its 500 ms backstop may still fire;
 *   <li>when {@code legacy} aborts a program that patient completes (a false deadlock, the class of
 *       the #495 seed), the checker's verdicts at that very stall are all UNRETIRED_PROGRESS.
 * </ul>
 */
public final class LegacySoundnessCheck {
  /** Verdict words with which scope-aware claims a cycle it has proven. */
  public static final ImmutableSet<String> PROVEN_CYCLE = ImmutableSet.of("SCOPE_CYCLE", "SCOPE_DEADLOCK");

  private LegacySoundnessCheck() {}

  public static ImmutableList<String> check(Program program, RunSettings settings) {
    return problems(Runs.run(program, settings, StallPolicies.PATIENT), Runs.run(program, settings, StallPolicies.SCOPE_AWARE),
        Runs.run(program, settings, StallPolicies.LEGACY), Runs.run(program, settings, StallPolicies.CHECKER));
  }

  public static ImmutableList<String> problems(Observation patient, Observation scopeAware, Observation legacy,
      Observation checker) {
    Problems.Collector out = new Problems.Collector();
    if (!patient.completed()) {
      return out.build();
    }
    ImmutableListMultimap<Integer, String> claims = StallAlignment.verdictsByStall(scopeAware);
    if (claims.values().stream().anyMatch(PROVEN_CYCLE::contains)
        || scopeAware.finalVerdict().filter(PROVEN_CYCLE::contains).isPresent()) {
      out.add("scope-aware claims a proven cycle on a program patient completes: " + scopeAware.summary());
    }
    if (legacy.is(Outcome.ABORTED) && !legacy.stalls().isEmpty()) {
      int stall = legacy.stalls().size() - 1;
      ImmutableList<String> misaligned = StallAlignment.misaligned(legacy, checker, stall);
      misaligned.forEach(out::add);
      ImmutableList<String> said = StallAlignment.verdictsByStall(checker).get(stall);
      if (misaligned.isEmpty()
          && (said.isEmpty() || !said.stream().allMatch(VerdictKind.UNRETIRED_PROGRESS.name()::equals))) {
        out.add("legacy aborted at stall " + stall + " of a program patient completes, but the checker said " + said
            + " there [" + checker.summary() + "]");
      }
    } else if (legacy.is(Outcome.ABORTED)) {
      out.add("legacy aborted without a stall: " + legacy.summary());
    }
    return out.build();
  }
}
