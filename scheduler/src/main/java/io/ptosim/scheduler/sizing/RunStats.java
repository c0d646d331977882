package io.ptosim.scheduler.sizing;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.Longs;
import io.ptosim.des.event.TraceEvent;
import io.ptosim.des.trace.TraceSink;
import io.ptosim.scheduler.runtime.RingConfig;

/**
 * What a run's trace says about its allocator stalls and ring fill: number of stalls, the longest,
 * the virtual time the orchestrator lost to them, and per ring the peak number of tasks holding a
 * slot (submitted, not yet retired by last_alive). A sink, so it needs no state of the runtime.
 */
public final class RunStats implements TraceSink {
  private final long[] live = new long[RingConfig.RING_COUNT];
  private final long[] peakLive = new long[RingConfig.RING_COUNT];
  private final long[] submitted = new long[RingConfig.RING_COUNT];
  private long faninEntries;
  private int stalls;
  private long longestNs;
  private long lostNs;
  private long openSince = -1;

  @Override
  public void accept(TraceEvent event, CharSequence line) {
    if (event instanceof TraceEvent.Submit s) {
      submitted[s.ring()]++;
      faninEntries += s.faninTotal();
      peakLive[s.ring()] = Math.max(peakLive[s.ring()], ++live[s.ring()]);
    } else if (event instanceof TraceEvent.RingAdvance a) {
      live[a.ring()] -= a.toLastAlive() - a.fromLastAlive();
    } else if (event instanceof TraceEvent.AllocStall s) {
      stalls++;
      openSince = s.atNs();
    } else if (event instanceof TraceEvent.AllocResume r) {
      close(r.stalledNs());
    }
  }

  @Override
  public void finish(long endNs) {
    if (openSince >= 0) {
      close(endNs - openSince);
    }
  }

  private void close(long stalledNs) {
    openSince = -1;
    longestNs = Math.max(longestNs, stalledNs);
    lostNs += stalledNs;
  }

  /** The figures after the run. */
  public Summary summary() {
    return new Summary(stalls, longestNs, lostNs, ImmutableList.copyOf(Longs.asList(peakLive)),
        ImmutableList.copyOf(Longs.asList(submitted)), faninEntries);
  }

  /**
   * A run's stall and fill figures.
   *
   * @param stalls allocator stalls
   * @param longestNs the longest stall (an unresumed one counts to the end of the run)
   * @param lostNs virtual time the orchestrator spent stalled
   * @param peakWindowFill per ring, the most tasks holding a slot at once
   * @param submitted per ring, the tasks submitted
   * @param faninEntries the fanin (producer) edges of every submitted task: a dependency pool this large never fills
   */
  public record Summary(int stalls, long longestNs, long lostNs, ImmutableList<Long> peakWindowFill,
      ImmutableList<Long> submitted, long faninEntries) {}
}
