package io.ptosim.scheduler.policy;

import com.google.common.collect.ImmutableSortedSet;

/** The stall policies by name: {@code legacy}, {@code scope-aware}, {@code patient}, {@code checker}. */
public final class StallPolicies {
  public static final String LEGACY = "legacy";
  public static final String SCOPE_AWARE = "scope-aware";
  public static final String PATIENT = "patient";
  public static final String CHECKER = "checker";

  private StallPolicies() {}

  public static ImmutableSortedSet<String> names() {
    return ImmutableSortedSet.of(LEGACY, SCOPE_AWARE, PATIENT, CHECKER);
  }

  /** A fresh policy called {@code name}; an unknown name is an {@link IllegalArgumentException} naming the choices. */
  public static StallPolicy byName(String name) {
    switch (name) {
      case LEGACY:
        return new LegacyPolicy();
      case SCOPE_AWARE:
        return new ScopeAwarePolicy();
      case PATIENT:
        return new PatientPolicy();
      case CHECKER:
        return new CheckerPolicy();
      default:
        throw new IllegalArgumentException("unknown stall policy '" + name + "' (known: " + String.join(", ", names()) + ")");
    }
  }
}
