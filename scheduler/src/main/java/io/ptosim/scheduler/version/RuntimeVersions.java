package io.ptosim.scheduler.version;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import io.ptosim.scheduler.policy.StallPolicies;

/** The runtime versions by name: {@code main-6ebaf77} (the default) and {@code pr482} (the seed's). */
public final class RuntimeVersions {
  public static final String MAIN = "main-6ebaf77";
  public static final String PR482 = "pr482";

  private static final RuntimeVersion MAIN_VERSION = new RuntimeVersion(MAIN, "6ebaf77",
      "upstream main of 2026-08-22: #277 pre-check, #1610 structural check, 500 ms backstop",
      StallPolicies.SCOPE_AWARE, OrchestratorRules.main6ebaf77(), SchedulerRules.main6ebaf77());
  private static final RuntimeVersion PR482_VERSION = new RuntimeVersion(PR482, "01d0723",
      "PR #482 partial-manual rebased onto fb43ed3 (the seed's runtime): #277 pre-check, 100,000-spin heuristic",
      StallPolicies.LEGACY, OrchestratorRules.pr482(), SchedulerRules.pr482());

  private RuntimeVersions() {}

  public static ImmutableSortedSet<String> names() {
    return ImmutableSortedSet.of(MAIN, PR482);
  }

  public static ImmutableList<RuntimeVersion> all() {
    return ImmutableList.of(MAIN_VERSION, PR482_VERSION);
  }

  /** The default version: upstream main. */
  public static RuntimeVersion main() {
    return MAIN_VERSION;
  }

  public static RuntimeVersion pr482() {
    return PR482_VERSION;
  }

  /** The version called {@code name}; an unknown name is an {@link IllegalArgumentException} naming the choices. */
  public static RuntimeVersion byName(String name) {
    for (RuntimeVersion v : all()) {
      if (v.name().equals(name)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown runtime version '" + name + "' (known: " + String.join(", ", names()) + ")");
  }
}
