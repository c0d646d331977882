package io.ptosim.properties.explore;

import com.google.common.collect.ImmutableSortedSet;
import io.ptosim.properties.run.RunSettings;
import io.ptosim.scheduler.version.RuntimeVersions;

/**
 * The runtime version a campaign runs under ({@link RuntimeVersions}: {@code main-6ebaf77}, the
 * default, and {@code pr482}). The one place explore sets it: {@link #apply}, on every program's
 * settings, so every run of the campaign, its shrinking and its counterexamples' {@code .expect}
 * use that version.
 */
public final class Runtimes {
  /** The default version. */
  public static final String DEFAULT = RuntimeVersions.MAIN;

  private Runtimes() {}

  public static ImmutableSortedSet<String> names() {
    return RuntimeVersions.names();
  }

  /** {@code name} if known, else an {@link IllegalArgumentException} naming the choices. */
  public static String check(String name) {
    return RuntimeVersions.byName(name).name();
  }

  /** {@code settings} under runtime {@code name}. */
  static RunSettings apply(RunSettings settings, String name) {
    return settings.withRuntime(check(name));
  }
}
