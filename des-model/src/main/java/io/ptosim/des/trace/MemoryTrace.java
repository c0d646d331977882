package io.ptosim.des.trace;

import com.google.common.collect.ImmutableList;
import io.ptosim.des.event.TraceEvent;
import java.util.ArrayList;
import java.util.List;

/** Keeps events and lines in memory, for tests and for small runs that are inspected afterwards. */
public final class MemoryTrace implements TraceSink {

  private final List<TraceEvent> events = new ArrayList<>();
  private final List<String> lines = new ArrayList<>();

  @Override
  public void accept(TraceEvent event, CharSequence line) {
    events.add(event);
    lines.add(line.toString());
  }

  public ImmutableList<TraceEvent> events() {
    return ImmutableList.copyOf(events);
  }

  public ImmutableList<String> lines() {
    return ImmutableList.copyOf(lines);
  }

  /** The events of one kind, in order. */
  public <E extends TraceEvent> ImmutableList<E> events(Class<E> kind) {
    ImmutableList.Builder<E> out = ImmutableList.builder();
    for (TraceEvent e : events) {
      if (kind.isInstance(e)) {
        out.add(kind.cast(e));
      }
    }
    return out.build();
  }
}
