package io.ptosim.analysis.upstream;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a device log says about how a run ended: its first {@code FATAL} line, the ring that line
 * names, the ring sizes the runtime reported, and whether the allocator's wall-clock backstop (the
 * "~500 ms (no progress)" report) fired. The same reader takes ptosim's own abort message, so both
 * sides of a comparison are read by one rule.
 *
 * <p>Rings are printed as {@code ring=R} (the allocator's {@code report_deadlock}) or {@code (ring R)}
 * ({@code Scope Deadlock Detected!}); the dependency-pool report prints none.
 *
 * @param fatal the first line containing {@code FATAL}, trimmed of its log prefix
 * @param ring the ring that line names, if it names one
 * @param ringSizes the {@code Ring buffer sizes} (or {@code Ring sizes}) line's values, if printed
 * @param backstopFired whether a stall was ended by the ~500 ms wall-clock backstop
 */
public record UpstreamLog(Optional<String> fatal, OptionalInt ring, Optional<RingSizes> ringSizes, boolean backstopFired) {

  private static final Pattern RING = Pattern.compile("(?:\\bring=(\\d+)|\\(ring (\\d+)\\))");
  private static final Pattern SIZES = Pattern.compile(
      "Ring (?:buffer )?sizes: task_window=\\[([0-9, ]+)] heap=\\[([0-9, ]+)] dep_pool=\\[([0-9, ]+)]");
  private static final String BACKSTOP = "after ~500 ms (no progress)";

  public UpstreamLog {
    Preconditions.checkNotNull(fatal, "fatal");
    Preconditions.checkNotNull(ring, "ring");
    Preconditions.checkNotNull(ringSizes, "ringSizes");
  }

  /** Per-ring capacities as the runtime printed them, ring 0 first. */
  public record RingSizes(ImmutableList<Long> taskWindow, ImmutableList<Long> heap, ImmutableList<Long> depPool) {
    public RingSizes {
      Preconditions.checkArgument(!taskWindow.isEmpty() && taskWindow.size() == heap.size() && heap.size() == depPool.size(),
          "one value per ring in each list");
    }

    /** Whether every ring has the same window, heap and pool (what {@code --ring-window/--heap/--dep-pool} express). */
    public boolean uniform() {
      return taskWindow.stream().distinct().count() == 1 && heap.stream().distinct().count() == 1
          && depPool.stream().distinct().count() == 1;
    }
  }

  /** Reads a whole log. */
  public static UpstreamLog read(List<String> lines) {
    Optional<String> fatal = Optional.empty();
    Optional<RingSizes> sizes = Optional.empty();
    boolean backstop = false;
    for (String line : lines) {
      if (fatal.isEmpty() && line.contains("FATAL")) {
        fatal = Optional.of(stripPrefix(line));
      }
      if (sizes.isEmpty()) {
        Matcher m = SIZES.matcher(line);
        if (m.find()) {
          sizes = Optional.of(new RingSizes(longs(m.group(1)), longs(m.group(2)), longs(m.group(3))));
        }
      }
      backstop |= line.contains(BACKSTOP);
    }
    return new UpstreamLog(fatal, fatal.map(UpstreamLog::ringOf).orElse(OptionalInt.empty()), sizes, backstop);
  }

  /** Reads one message (ptosim's abort message, or a single log line). */
  public static UpstreamLog ofMessage(String message) {
    return read(List.of(message.split("\n")));
  }

  /** The ring a FATAL line names: {@code ring=R} or {@code (ring R)}. */
  public static OptionalInt ringOf(String fatalLine) {
    Matcher m = RING.matcher(fatalLine);
    if (!m.find()) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
  }

  /** Drops {@code [mono_ns=…][T…][ERROR] fn: [file:line] } so only the message stays. */
  private static String stripPrefix(String line) {
    int at = line.indexOf("FATAL");
    return line.substring(at).trim();
  }

  private static ImmutableList<Long> longs(String csv) {
    ImmutableList.Builder<Long> b = ImmutableList.builder();
    for (String s : csv.split(",")) {
      b.add(Long.parseLong(s.trim()));
    }
    return b.build();
  }
}
