package io.ptosim.analysis.verdict;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.ptosim.analysis.graph.WaitVertex;

/**
 * One broken rule: the rule, the vertex (usually a task) it is about, and what was observed.
 *
 * @param assumed true when the violation only follows from an assumption about missing edges
 */
public record Violation(InvariantRule rule, WaitVertex subject, String observed, boolean assumed) {

  /** Rejects nulls and empty text. */
  public Violation {
    checkNotNull(rule, "rule");
    checkNotNull(subject, "subject");
    checkNotNull(observed, "observed");
    checkArgument(!observed.isEmpty(), "empty observation");
  }

  /** What was observed and which rule it breaks. */
  public String text() {
    return observed + ", but " + rule.description();
  }
}
