package io.ptosim.analysis.exhaustive;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One transition of a schedule.
 *
 * @param kind the transition
 * @param subject the task id it acts on, or the scope id for {@link TransitionKind#SCOPE_END}
 * @param text what happens, in the runtime's words
 */
public record Step(TransitionKind kind, long subject, String text) {
  /** The text is never null. */
  public Step {
    checkNotNull(kind, "kind");
    checkNotNull(text, "text");
  }

  @Override
  public String toString() {
    return text;
  }
}
