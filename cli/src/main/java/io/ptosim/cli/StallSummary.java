package io.ptosim.cli;

import io.ptosim.des.event.TraceEvent;
import io.ptosim.des.trace.TraceSink;
import io.ptosim.scheduler.policy.StallRecord;
import io.ptosim.scheduler.run.RunReport;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stalls of a run in bounded space: counts per verdict, the first and last {@value #EDGE}
 * stalls and the longest one. A million-task chain under {@code patient} stalls almost a million
 * times; {@code --stalls all} asks for the full list. As a sink it measures each stall's length
 * from the trace (a stall never resumed lasts until the run's end).
 */
final class StallSummary implements TraceSink {
  /** How many stalls are listed at each end. */
  static final int EDGE = 5;

  private long longestStartNs = -1;
  private int longestRing = -1;
  private long longestNs = -1;
  private boolean longestResumed;
  private final Map<Integer, Long> openSince = new TreeMap<>();

  @Override
  public void accept(TraceEvent event, CharSequence line) {
    if (event instanceof TraceEvent.AllocStall s) {
      openSince.put(s.ring(), s.atNs());
    } else if (event instanceof TraceEvent.AllocResume r) {
      Long since = openSince.remove(r.ring());
      if (since != null) {
        offer(since, r.ring(), r.atNs() - since, true);
      }
    }
  }

  @Override
  public void finish(long endNs) {
    openSince.forEach((ring, since) -> offer(since, ring, endNs - since, false));
    openSince.clear();
  }

  private void offer(long startNs, int ring, long ns, boolean resumed) {
    if (ns > longestNs) {
      longestStartNs = startNs;
      longestRing = ring;
      longestNs = ns;
      longestResumed = resumed;
    }
  }

  /** The JSON summary of {@code report}'s stalls; with {@code all}, every stall too. */
  Map<String, Object> toJson(RunReport report, boolean all) {
    List<StallRecord> stalls = report.stalls();
    Map<String, Object> o = Json.object();
    o.put("count", stalls.size());
    o.put("resumed", stalls.stream().filter(StallRecord::resumed).count());
    Map<String, Integer> byVerdict = new TreeMap<>();
    for (StallRecord s : stalls) {
      byVerdict.merge(s.verdict().orElse("unjudged"), 1, Integer::sum);
    }
    o.put("byVerdict", byVerdict);
    if (longestNs >= 0) {
      Map<String, Object> l = Json.object();
      l.put("atNs", longestStartNs);
      l.put("ring", longestRing);
      l.put("durationNs", longestNs);
      l.put("resumed", longestResumed);
      o.put("longest", l);
    }
    if (all || stalls.size() <= 2 * EDGE) {
      o.put("list", ReportView.stalls(stalls));
    } else {
      o.put("first", ReportView.stalls(stalls.subList(0, EDGE)));
      o.put("last", ReportView.stalls(stalls.subList(stalls.size() - EDGE, stalls.size())));
    }
    return o;
  }

  /** One line for the text summary. */
  String line(RunReport report) {
    List<StallRecord> stalls = report.stalls();
    long resumed = stalls.stream().filter(StallRecord::resumed).count();
    StringBuilder sb = new StringBuilder().append(stalls.size()).append(" (").append(resumed).append(" resumed");
    Map<String, Integer> byVerdict = new TreeMap<>();
    for (StallRecord s : stalls) {
      byVerdict.merge(s.verdict().orElse("unjudged"), 1, Integer::sum);
    }
    byVerdict.forEach((v, n) -> sb.append(", ").append(v).append(' ').append(n));
    sb.append(')');
    if (longestNs >= 0) {
      sb.append("; longest ").append(longestNs).append(" ns on ring ").append(longestRing).append(" from ").append(longestStartNs).append(" ns");
    }
    return sb.toString();
  }
}
