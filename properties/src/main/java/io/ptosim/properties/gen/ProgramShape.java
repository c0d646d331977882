package io.ptosim.properties.gen;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

/**
 * The shape of a generated program: its top-level scopes (the program's first scopes, depth 1
 * inside the executor's implicit outer scope). Rendered by {@link ProgramRenderer}.
 */
public record ProgramShape(ImmutableList<ScopeNode> scopes) {
  public ProgramShape {
    Preconditions.checkNotNull(scopes, "scopes");
  }
}
