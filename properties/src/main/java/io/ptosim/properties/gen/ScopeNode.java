package io.ptosim.properties.gen;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.ptosim.scheduler.program.ScopeMode;

/** A generated scope and its body, in program order. */
public record ScopeNode(ScopeMode mode, ImmutableList<Node> body) implements Node {
  public ScopeNode {
    Preconditions.checkNotNull(mode, "mode");
    Preconditions.checkNotNull(body, "body");
  }
}
