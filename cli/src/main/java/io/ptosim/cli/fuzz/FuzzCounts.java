package io.ptosim.cli.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a campaign saw on one target: outcomes counted, the slowest and most allocating case, and
 * the first few failures with their case number (rerun one with the same seed) and input excerpt.
 */
public final class FuzzCounts {
  /** How many failures are kept as examples. */
  static final int EXAMPLES = 5;

  private final String target;
  private long cases;
  private long accepted;
  private long rejected;
  private long exceptions;
  private long multiline;
  private long unlocated;
  private long slow;
  private long hung;
  private long overMemory;
  private long maxNanos;
  private long maxWallNanos;
  private long maxAllocated;
  private final List<String> examples = new ArrayList<>();

  FuzzCounts(String target) {
    this.target = target;
  }

  void record(long index, byte[] input, FuzzOutcome outcome, Throwable failure, long nanos, long wallNanos, long allocated,
      FuzzTarget t) {
    cases++;
    maxNanos = Math.max(maxNanos, nanos);
    maxWallNanos = Math.max(maxWallNanos, wallNanos);
    maxAllocated = Math.max(maxAllocated, allocated);
    if (nanos > FuzzCampaign.SLOW_NANOS) {
      slow++;
      example(index, input, "slow: " + nanos / 1_000_000 + " ms of CPU");
    }
    if (allocated > FuzzCampaign.MEMORY_GUARD_BYTES) {
      overMemory++;
      example(index, input, "allocated " + (allocated >> 20) + " MiB");
    }
    if (failure != null) {
      exceptions++;
      example(index, input, "exception: " + failure + (failure.getStackTrace().length > 0 ? " at " + failure.getStackTrace()[0] : ""));
      return;
    }
    if (outcome instanceof FuzzOutcome.Accepted) {
      accepted++;
    } else if (outcome instanceof FuzzOutcome.Rejected r) {
      rejected++;
      String m = r.message();
      if (m.isEmpty() || m.contains("\n") || m.contains("\r")) {
        multiline++;
        example(index, input, "not one line: " + m.replace("\n", "\\n"));
      } else if (!t.locates(m)) {
        unlocated++;
        example(index, input, "names no line or field: " + m);
      }
    }
  }

  void recordHung(long index, byte[] input) {
    cases++;
    hung++;
    example(index, input, "hung: still running after " + FuzzCampaign.HANG_SECONDS + " s");
  }

  private void example(long index, byte[] input, String what) {
    if (examples.size() < EXAMPLES) {
      String text = new String(input, 0, Math.min(input.length, 160), StandardCharsets.UTF_8).replace("\n", "\\n");
      examples.add("case " + index + ": " + what + " | input: " + text);
    }
  }

  /** Cases that show a bug: exceptions, multi-line or unlocated rejections, slow, hung or over-memory cases. */
  public long problems() {
    return exceptions + multiline + unlocated + slow + hung + overMemory;
  }

  public String target() {
    return target;
  }

  public long cases() {
    return cases;
  }

  public long accepted() {
    return accepted;
  }

  public long rejected() {
    return rejected;
  }

  public long exceptions() {
    return exceptions;
  }

  public long multiline() {
    return multiline;
  }

  public long unlocated() {
    return unlocated;
  }

  public long slow() {
    return slow;
  }

  public long hung() {
    return hung;
  }

  public long overMemory() {
    return overMemory;
  }

  /** The most CPU time one case took. */
  public long maxNanos() {
    return maxNanos;
  }

  /** The longest wall time of a case (includes waiting for a core on a loaded machine). */
  public long maxWallNanos() {
    return maxWallNanos;
  }

  public long maxAllocated() {
    return maxAllocated;
  }

  public List<String> examples() {
    return List.copyOf(examples);
  }
}
