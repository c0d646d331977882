package io.ptosim.des.trace;

import io.ptosim.des.event.TraceEvent;
import java.io.IOException;
import java.io.Writer;

/** Writes the canonical text, one line per event: the file whose SHA-256 is the trace hash. */
public final class TextTraceWriter implements TraceSink {

  private final Writer out;

  public TextTraceWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void accept(TraceEvent event, CharSequence line) throws IOException {
    out.append(line).append('\n');
  }

  @Override
  public void finish(long endNs) throws IOException {
    out.flush();
  }
}
