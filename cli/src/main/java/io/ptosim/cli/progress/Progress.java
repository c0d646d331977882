package io.ptosim.cli.progress;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress bar on stderr for a command that may take more than a couple of seconds (a Case1-sized
 * run, a benchmark, a campaign). It draws at most a few times a second, only when stderr is a
 * terminal, and erases itself when closed, so that piped output and logs stay clean. It reads the
 * wall clock, so it must never be consulted by the model: it only watches.
 *
 * <p>Use: {@code try (Progress p = Progress.on(err, "fuzz", cases)) { ... p.update(done); }}; a
 * total of 0 means unknown (a counter is drawn instead of a bar).
 */
public final class Progress implements AutoCloseable {
  /** The interval between two redraws. */
  static final long REDRAW_NANOS = 200_000_000L;

  private static final int BAR = 30;

  private final PrintWriter err;
  private final String label;
  private final long total;
  private final LongSupplier clock;
  private final long startNanos;
  private long lastDraw;
  private int lastWidth;
  private boolean drawn;

  Progress(PrintWriter err, String label, long total, LongSupplier clock) {
    this.err = err;
    this.label = label;
    this.total = Math.max(0, total);
    this.clock = clock;
    this.startNanos = clock.getAsLong();
    this.lastDraw = startNanos;
  }

  /** A reporter that draws on {@code err} when stderr is a terminal ({@code System.console() != null}), else a silent one. */
  public static Progress on(PrintWriter err, String label, long total) {
    return System.console() == null ? silent() : new Progress(err, label, total, System::nanoTime);
  }

  /** A reporter that draws nothing. */
  public static Progress silent() {
    return new Progress(null, "", 0, () -> 0L);
  }

  /** Whether this reporter draws at all. */
  public boolean enabled() {
    return err != null;
  }

  /** Reports that {@code done} of the total units are done; cheap when no redraw is due. */
  public void update(long done) {
    if (err == null) {
      return;
    }
    long now = clock.getAsLong();
    if (now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    draw(render(done, now - startNanos));
  }

  /** The line drawn for {@code done} units after {@code elapsedNanos}. */
  String render(long done, long elapsedNanos) {
    double s = elapsedNanos / 1e9;
    if (total == 0) {
      return String.format(Locale.ROOT, "%s: %,d (%.0f s)", label, done, s);
    }
    long clamped = Math.min(Math.max(done, 0), total);
    int filled = (int) (BAR * clamped / total);
    return String.format(Locale.ROOT, "%s [%s%s] %3d%% %,d/%,d (%.0f s)", label, "#".repeat(filled), ".".repeat(BAR - filled),
        100 * clamped / total, clamped, total, s);
  }

  private void draw(String line) {
    StringBuilder sb = new StringBuilder().append('\r').append(line);
    for (int i = line.length(); i < lastWidth; i++) {
      sb.append(' ');
    }
    lastWidth = line.length();
    drawn = true;
    err.print(sb);
    err.flush();
  }

  /** Erases the bar, if one was drawn. */
  @Override
  public void close() {
    if (err != null && drawn) {
      err.print("\r" + " ".repeat(lastWidth) + "\r");
      err.flush();
      drawn = false;
    }
  }
}
