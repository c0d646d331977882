package io.ptosim.analysis.snapshot;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * An event the simulation kernel still has scheduled when it dumped the snapshot.
 *
 * <p>Known kinds: {@code block_done}, {@code complete}, {@code dispatch}, {@code release},
 * {@code ready}, {@code advance}, {@code publish}, {@code orchestrator}; any other kind is generic
 * activity. An event naming a task is what can still deliver a transition that is otherwise lost.
 */
public record PendingEvent(long atNs, String kind, OptionalLong task) {
  private static final Pattern KIND = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Kinds are identifiers so that they print as a single token. */
  public PendingEvent {
    checkArgument(atNs >= 0, "at_ns %s < 0", atNs);
    checkNotNull(kind, "kind");
    checkArgument(KIND.matcher(kind).matches(), "pending kind '%s' is not an identifier", kind);
    checkNotNull(task, "task");
    checkArgument(task.orElse(0) >= 0, "pending task %s < 0", task);
  }

  /** An event scheduled for {@code task}. */
  public static PendingEvent of(long atNs, String kind, long task) {
    return new PendingEvent(atNs, kind, OptionalLong.of(task));
  }

  /** An event naming no task. */
  public static PendingEvent of(long atNs, String kind) {
    return new PendingEvent(atNs, kind, OptionalLong.empty());
  }
}
