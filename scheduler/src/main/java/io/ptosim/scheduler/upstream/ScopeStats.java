package io.ptosim.scheduler.upstream;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

/**
 * {@code scope_stats.jsonl} (simpler 6ebaf77, docs/dfx/scope-stats.md): a header with the
 * per-ring capacities, then one line per scope begin or end with the ring's occupancy at the
 * scope's start and now: task window (tasks submitted and not yet retired), heap bytes, dep pool
 * entries and the TensorMap entry count.
 */
public record ScopeStats(Header header, ImmutableList<Event> events) {
  public ScopeStats {
    Preconditions.checkNotNull(header, "header");
    Preconditions.checkNotNull(events, "events");
  }

  /** Line 1: format version, whether the run latched a fatal error, dropped/total event counts and capacities per ring. */
  public record Header(int version, boolean fatal, long dropped, long total, ImmutableList<Long> taskWindowMax,
      ImmutableList<Long> heapMax, ImmutableList<Long> depPoolMax, long tensormapMax) {}

  /** One scope begin ({@code phase} "begin") or end ("end"). */
  public record Event(String site, String phase, int depth, int ring, long taskWindowStart, long taskWindowEnd,
      long heapStart, long heapEnd, long depPoolStart, long depPoolEnd, long tensormap) {
    public Event {
      Preconditions.checkArgument(phase.equals("begin") || phase.equals("end"), "phase is begin or end");
    }
  }
}
