package io.ptosim.properties.explore;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import io.ptosim.des.kernel.TieBreak;
import io.ptosim.properties.check.CheckerAgreementCheck;
import io.ptosim.properties.check.CompletionCheck;
import io.ptosim.properties.check.DeterminismCheck;
import io.ptosim.properties.check.FaultDetectionCheck;
import io.ptosim.properties.check.LegacySoundnessCheck;
import io.ptosim.properties.run.RunSettings;
import io.ptosim.properties.run.Runs;
import io.ptosim.scheduler.fault.Fault;
import io.ptosim.scheduler.policy.StallPolicies;
import io.ptosim.scheduler.runtime.PublishMode;
import java.util.Arrays;
import java.util.Optional;

/**
 * The properties a campaign checks on every program, each the check of a jqwik property
 * (docs/properties.md) run on the program's settings: {@code completion} (a), {@code determinism}
 * and {@code tie-order} (b), {@code checker-agreement} (c), {@code legacy-soundness} (d) and
 * {@code fault-detection} (e, on the fault-probing programs only).
 */
public enum ExploreProperty {
  /** (a) on a window above the program: patient completes in dependency order, no stall. */
  COMPLETION("completion") {
    @Override
    RunSettings settings(ExploreCase c) {
      return c.settings().withWindow(CompletionCheck.windowAbove(c.program().taskCount()));
    }

    @Override
    Optional<ImmutableList<String>> problems(ExploreCase c, RunCache runs, Optional<Fault> campaignFault) {
      return Optional.of(CompletionCheck.problems(runs.get(settings(c), StallPolicies.PATIENT)));
    }
  },
  /** (b1) the program's policy twice: the same trace hash. */
  DETERMINISM("determinism") {
    @Override
    Optional<ImmutableList<String>> problems(ExploreCase c, RunCache runs, Optional<Fault> campaignFault) {
      // The second run is made apart from the cache: it must be a fresh simulation.
      return Optional.of(DeterminismCheck.repeatable(runs.get(c.settings(), c.repeatPolicy()),
          Runs.run(c.program(), c.settings(), c.repeatPolicy())));
    }
  },
  /** (b2) patient under the program's shuffle seed ends as under FIFO. */
  TIE_ORDER("tie-order") {
    @Override
    Optional<ImmutableList<String>> problems(ExploreCase c, RunCache runs, Optional<Fault> campaignFault) {
      return Optional.of(DeterminismCheck.tieOrderIndependent(runs.get(c.settings(), StallPolicies.PATIENT),
          runs.get(c.settings().withTieBreak(TieBreak.shuffle(c.shuffleSeed())), StallPolicies.PATIENT), c.shuffleSeed()));
    }
  },
  /** (c) checker and patient agree. */
  CHECKER_AGREEMENT("checker-agreement") {
    @Override
    Optional<ImmutableList<String>> problems(ExploreCase c, RunCache runs, Optional<Fault> campaignFault) {
      return Optional.of(CheckerAgreementCheck.problems(runs.get(c.settings(), StallPolicies.CHECKER),
          runs.get(c.settings(), StallPolicies.PATIENT)));
    }
  },
  /** (d) legacy aborts only unretired progress; scope-aware proves no cycle on a completing program. */
  LEGACY_SOUNDNESS("legacy-soundness") {
    @Override
    Optional<ImmutableList<String>> problems(ExploreCase c, RunCache runs, Optional<Fault> campaignFault) {
      RunSettings s = c.settings();
      return Optional.of(LegacySoundnessCheck.problems(runs.get(s, StallPolicies.PATIENT),
          runs.get(s, StallPolicies.SCOPE_AWARE), runs.get(s, StallPolicies.LEGACY), runs.get(s, StallPolicies.CHECKER)));
    }
  },
  /**
   * (e) on fault-probing programs, deferred: the probed fault is named iff its path is taken. The
   * probed fault is the campaign's when it has a rule for it, else ready-without-transition and
   * publish-hidden-alloc in turn; not applicable under lost-advance or on other programs.
   */
  FAULT_DETECTION("fault-detection") {
    @Override
    RunSettings settings(ExploreCase c) {
      return clean(c).withFaults(ImmutableSortedSet.of(probed(c, c.settings().faults().stream().findFirst()).orElseThrow()));
    }

    @Override
    Optional<ImmutableList<String>> problems(ExploreCase c, RunCache runs, Optional<Fault> campaignFault) {
      Optional<Fault> fault = probed(c, campaignFault);
      if (fault.isEmpty()) {
        return Optional.empty();
      }
      RunSettings clean = clean(c);
      return Optional.of(FaultDetectionCheck.problems(runs.get(clean, StallPolicies.PATIENT),
          runs.get(clean.withFaults(ImmutableSortedSet.of(fault.get())), StallPolicies.PATIENT), fault.get()));
    }

    private RunSettings clean(ExploreCase c) {
      return c.settings().withFaults(ImmutableSortedSet.of()).withPublishMode(PublishMode.DEFERRED).withInvariantMonitor(true);
    }

    private Optional<Fault> probed(ExploreCase c, Optional<Fault> campaignFault) {
      if (!c.probing()) {
        return Optional.empty();
      }
      if (campaignFault.isPresent()) {
        return campaignFault.filter(f -> f != Fault.LOST_ADVANCE);
      }
      return Optional.of((c.index() / 4) % 2 == 0 ? Fault.READY_WITHOUT_TRANSITION : Fault.PUBLISH_HIDDEN_ALLOC);
    }
  };

  private final String cliName;

  ExploreProperty(String cliName) {
    this.cliName = cliName;
  }

  /** The name on the command line and in reports, e.g. {@code checker-agreement}. */
  public String cliName() {
    return cliName;
  }

  /**
   * The problems the property finds on {@code c} (empty list = holds), or empty when it does not
   * apply to {@code c}.
   */
  abstract Optional<ImmutableList<String>> problems(ExploreCase c, RunCache runs, Optional<Fault> campaignFault);

  /** The settings a counterexample of this property is stored with: those of the run that failed. */
  RunSettings settings(ExploreCase c) {
    return c.settings();
  }

  /** The property called {@code name}; an {@link IllegalArgumentException} names the choices. */
  public static ExploreProperty byName(String name) {
    for (ExploreProperty p : values()) {
      if (p.cliName.equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown property '" + name + "' (known: all, " + String.join(", ", names()) + ")");
  }

  public static ImmutableList<String> names() {
    return Arrays.stream(values()).map(ExploreProperty::cliName).collect(ImmutableList.toImmutableList());
  }
}
