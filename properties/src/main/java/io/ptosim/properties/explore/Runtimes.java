package io.ptosim.properties.explore;

import com.google.common.collect.ImmutableSortedSet;
import io.ptosim.properties.run.RunSettings;

/**
 * The runtime version a campaign runs under. THE ONE PLACE where explore sets the runtime: the
 * scheduler models one runtime today, so {@value #DEFAULT} is the only name; when {@code RunConfig}
 * gains a runtime field (branch {@code versions}: {@code pr482}, {@code main-6ebaf77}),
 * {@link #apply} sets it on the settings and {@link #names} lists the versions.
 */
public final class Runtimes {
  /** The scheduler's runtime as modelled today. */
  public static final String DEFAULT = "default";

  private Runtimes() {}

  public static ImmutableSortedSet<String> names() {
    return ImmutableSortedSet.of(DEFAULT);
  }

  /** {@code name} if known, else an {@link IllegalArgumentException} naming the choices. */
  public static String check(String name) {
    if (!names().contains(name)) {
      throw new IllegalArgumentException("unknown runtime '" + name + "' (known: " + String.join(", ", names()) + ")");
    }
    return name;
  }

  /** {@code settings} under runtime {@code name}. */
  static RunSettings apply(RunSettings settings, String name) {
    check(name);
    return settings;
  }
}
