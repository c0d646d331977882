package io.ptosim.analysis.device;

import com.google.common.collect.ImmutableMap;
import java.util.Optional;

/** The known dialects by name. */
public final class Dialects {
  private static final ImmutableMap<String, Dialect> BY_NAME =
      ImmutableMap.of("main", new MainDialect(), "pr482", new Pr482Dialect());

  private Dialects() {}

  /** The dialect called {@code name}. */
  public static Optional<Dialect> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The names, for help and error text. */
  public static String names() {
    return String.join("|", BY_NAME.keySet());
  }

  static Dialect main() {
    return BY_NAME.get("main");
  }

  static Dialect pr482() {
    return BY_NAME.get("pr482");
  }
}
