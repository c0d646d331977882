package io.ptosim.des.trace;

import io.ptosim.des.event.TraceEvent;
import java.io.IOException;

/** Receives every event of a run, in order. Sinks stream: none may need the whole trace in memory. */
public interface TraceSink {

  /** Takes one event; {@code line} is its canonical text (without newline), built once per event. */
  void accept(TraceEvent event, CharSequence line) throws IOException;

  /** The run ended at {@code endNs}: flush, close open slices. */
  default void finish(long endNs) throws IOException {}
}
