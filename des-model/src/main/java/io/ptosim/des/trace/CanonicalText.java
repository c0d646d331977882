package io.ptosim.des.trace;

import io.ptosim.des.event.TraceEvent;
import io.ptosim.des.platform.DeviceClock;

/**
 * The canonical text of an event: {@code t=NS tick=TICKS KIND fields...}. Stable field order, no
 * DSOL ids, no identity hashes: two runs of the same program, config and seed print the same bytes.
 */
public final class CanonicalText {

  private CanonicalText() {}

  public static void append(TraceEvent event, StringBuilder out) {
    out.append("t=").append(event.atNs()).append(" tick=").append(DeviceClock.ticks(event.atNs()))
        .append(' ').append(event.kind()).append(' ');
    event.appendFields(out);
  }

  public static String of(TraceEvent event) {
    StringBuilder sb = new StringBuilder(96);
    append(event, sb);
    return sb.toString();
  }
}
