package io.ptosim.cli;

import com.google.common.collect.ImmutableSortedMap;
import io.ptosim.properties.explore.ExploreListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * Shows a campaign's progress on stderr: a bar redrawn in place on a terminal, plain lines every
 * few seconds otherwise (CI logs). Wall-clock figures appear only here, never in a report.
 *
 * <p>A minimal reporter behind {@link ExploreListener}. The shared cli reporter of branch
 * {@code hostile} ({@code cli.progress.Progress}) draws only a count on a terminal and nothing
 * otherwise; explore needs its own fields (failures, stalls by verdict, ETA) and plain lines in
 * logs, so it keeps this class until that reporter takes a caller's text.
 */
final class ProgressBar implements ExploreListener {
  private static final long REDRAW_NS = 100_000_000L;
  private static final long LINE_NS = 5_000_000_000L;
  private static final int WIDTH = 24;

  private final PrintWriter err;
  private final boolean terminal;
  private final boolean quiet;
  private final long start = System.nanoTime();
  private long lastShown = Long.MIN_VALUE;
  private Progress last;
  private boolean drawn;

  ProgressBar(PrintWriter err, boolean terminal, boolean quiet) {
    this.err = err;
    this.terminal = terminal;
    this.quiet = quiet;
  }

  /** A bar when stderr looks like a terminal (a console, TERM set and not dumb). */
  static boolean stderrIsTerminal() {
    String term = System.getenv("TERM");
    return System.console() != null && term != null && !term.equals("dumb");
  }

  @Override
  public synchronized void progress(Progress p) {
    last = p;
    if (quiet) {
      return;
    }
    long now = System.nanoTime();
    boolean finished = p.total() >= 0 && p.done() >= p.total();
    if (!finished && lastShown != Long.MIN_VALUE && now - lastShown < (terminal ? REDRAW_NS : LINE_NS)) {
      return;
    }
    lastShown = now;
    String line = line(p, now);
    if (terminal) {
      err.print("\r" + line + "\u001b[K");
      drawn = true;
    } else {
      err.println(line);
    }
    err.flush();
  }

  @Override
  public synchronized void message(String text) {
    if (terminal && drawn) {
      err.print("\r\u001b[K");
      drawn = false;
    }
    err.println("explore: " + text);
    err.flush();
  }

  /** Ends the bar's line and prints the wall-clock total. */
  synchronized void done() {
    if (terminal && drawn) {
      err.println();
    }
    if (last != null) {
      double s = (System.nanoTime() - start) / 1e9;
      err.println(String.format(Locale.ROOT, "explore: %d programs in %.1f s (%.1f programs/s)", last.done(), s,
          last.done() / Math.max(s, 1e-9)));
    }
    err.flush();
  }

  private String line(Progress p, long now) {
    double s = (now - start) / 1e9;
    double rate = p.done() / Math.max(s, 1e-9);
    StringBuilder b = new StringBuilder("explore: ");
    if (p.total() >= 0) {
      int filled = p.total() == 0 ? WIDTH : (int) (WIDTH * p.done() / p.total());
      if (terminal) {
        b.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
      }
      b.append(p.done()).append('/').append(p.total());
    } else {
      b.append(p.done());
    }
    b.append(String.format(Locale.ROOT, " programs, %.0f/s, failures %d, stalls %s", rate, p.failures(), stalls(p.checkerStalls())));
    if (p.total() > p.done() && rate > 0) {
      b.append(String.format(Locale.ROOT, ", ETA %.0f s", (p.total() - p.done()) / rate));
    }
    return b.toString();
  }

  private static String stalls(ImmutableSortedMap<String, Long> byVerdict) {
    if (byVerdict.isEmpty()) {
      return "none";
    }
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, Long> e : byVerdict.entrySet()) {
      b.append(b.length() == 0 ? "" : " ").append(e.getKey()).append('=').append(e.getValue());
    }
    return b.toString();
  }
}
