package io.ptosim.analysis.snapshot;

import static com.google.common.base.Preconditions.checkArgument;

/** A dependency {@code edge=P->C}: task {@code producer} produces a tensor task {@code consumer} reads. */
public record Edge(long producer, long consumer) {

  /** Ids are non-negative and an edge never loops. */
  public Edge {
    checkArgument(producer >= 0 && consumer >= 0, "edge %s->%s has a negative id", producer, consumer);
    checkArgument(producer != consumer, "edge %s->%s loops", producer, consumer);
  }

  /** The contract's notation {@code P->C}. */
  @Override
  public String toString() {
    return producer + "->" + consumer;
  }
}
