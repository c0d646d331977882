package io.ptosim.properties.check;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import io.ptosim.des.event.TraceEvent;
import io.ptosim.properties.run.Observation;
import io.ptosim.scheduler.policy.StallRecord;

/**
 * Lines up the stalls of two runs of the same program and settings under different policies. Two
 * such runs are event-for-event the same until one policy aborts (a verdict is a trace event but
 * schedules nothing), so stall {@code i} of one run is stall {@code i} of the other; this class
 * also says when that premise fails, which is itself a bug worth reporting.
 */
final class StallAlignment {
  private StallAlignment() {}

  /** The verdict words the run's policy gave each stall, by stall index, in order. */
  static ImmutableListMultimap<Integer, String> verdictsByStall(Observation run) {
    ImmutableListMultimap.Builder<Integer, String> out = ImmutableListMultimap.builder();
    int stall = -1;
    for (TraceEvent e : run.events()) {
      if (e instanceof TraceEvent.AllocStall) {
        stall++;
      } else if (e instanceof TraceEvent.StallVerdict v && stall >= 0) {
        out.put(stall, v.verdict());
      }
    }
    return out.build();
  }

  /** A problem when stall {@code i} exists in {@code a} but {@code b}'s stall {@code i} is another one. */
  static ImmutableList<String> misaligned(Observation a, Observation b, int i) {
    ImmutableList<StallRecord> sa = a.stalls();
    ImmutableList<StallRecord> sb = b.stalls();
    if (i >= sb.size()) {
      return ImmutableList.of(a.policy() + " stall " + i + " (at " + sa.get(i).atNs() + " ns) has no counterpart under "
          + b.policy() + ", which had " + sb.size() + " stall(s)");
    }
    if (sa.get(i).atNs() != sb.get(i).atNs() || sa.get(i).ring() != sb.get(i).ring()) {
      return ImmutableList.of("stall " + i + " differs: " + a.policy() + " at " + sa.get(i).atNs() + " ns ring "
          + sa.get(i).ring() + ", " + b.policy() + " at " + sb.get(i).atNs() + " ns ring " + sb.get(i).ring());
    }
    return ImmutableList.of();
  }
}
