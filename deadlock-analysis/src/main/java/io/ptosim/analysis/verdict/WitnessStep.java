package io.ptosim.analysis.verdict;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.ptosim.analysis.graph.WaitVertex;

/** One step of a witness: the vertex it is about and what happens or waits there. */
public record WitnessStep(WaitVertex vertex, String text) {

  /** Rejects nulls and empty text. */
  public WitnessStep {
    checkNotNull(vertex, "vertex");
    checkNotNull(text, "text");
    checkArgument(!text.isEmpty(), "empty witness text");
  }
}
