package io.ptosim.cli;

import io.ptosim.cli.progress.Progress;
import io.ptosim.des.event.TraceEvent;
import io.ptosim.des.trace.TraceSink;

/** Feeds a run's completed tasks to a progress bar; it only watches the trace, never the model. */
final class ProgressSink implements TraceSink {
  private final Progress progress;
  private long completed;
  private int sinceCheck;

  ProgressSink(Progress progress) {
    this.progress = progress;
  }

  @Override
  public void accept(TraceEvent event, CharSequence line) {
    if (event instanceof TraceEvent.Complete) {
      completed++;
    }
    // The clock is read every 4096 events, not per event.
    if (progress.enabled() && ++sinceCheck == 4096) {
      sinceCheck = 0;
      progress.update(completed);
    }
  }
}
