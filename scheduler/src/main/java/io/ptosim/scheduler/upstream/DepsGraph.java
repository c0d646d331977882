package io.ptosim.scheduler.upstream;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

/**
 * dep_gen's {@code deps.json}: the tasks in submit order, the tensors they touch and every edge
 * the orchestrator derived, as recorded by upstream at 6ebaf77 (docs/dfx/dep-gen.md there).
 */
public record DepsGraph(ImmutableList<DepsTask> tasks, ImmutableList<DepsTensor> tensors, ImmutableList<DepsEdge> edges) {
  public DepsGraph {
    Preconditions.checkNotNull(tasks, "tasks");
    Preconditions.checkNotNull(tensors, "tensors");
    Preconditions.checkNotNull(edges, "edges");
  }
}
