package io.ptosim.scheduler.runtime;

/**
 * When the tasks of a MANUAL scope are published (their publish barrier released).
 *
 * <ul>
 *   <li>{@link #INCREMENTAL}: at submit, with the task's explicit dependencies, as the merged
 *       manual-scope v0 does (it passes the dependencies with the submit).
 *   <li>{@link #DEFERRED}: at {@code scope_end()}, as the partial-manual draft (upstream PR #482)
 *       does: edges are wired, then the whole scope is published in submit order, then the scope's
 *       references are released.
 * </ul>
 *
 * AUTO scopes always publish at submit.
 */
public enum PublishMode {
  INCREMENTAL,
  DEFERRED;

  /** Parses {@code incremental} or {@code deferred}, case-insensitively. */
  public static PublishMode parse(String text) {
    for (PublishMode mode : values()) {
      if (mode.name().equalsIgnoreCase(text)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("unknown publish mode '" + text + "' (known: incremental, deferred)");
  }
}
