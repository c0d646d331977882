package io.ptosim.analysis.snapshot;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A device counter printed as {@code a/b}: {@code done} releases (or blocks) out of {@code total}.
 *
 * <p>{@link #of} enforces {@code done <= total}, which is what a parsed snapshot may contain (the
 * contract makes {@code fanin=4/2} an input error). {@link #unchecked} exists so that a simulation
 * can still describe a corrupted counter, which the checker then reports as an invariant
 * violation.
 */
public record Count(long done, long total) {

  /** Both parts must be non-negative; use {@link #of} to also require {@code done <= total}. */
  public Count {
    checkArgument(done >= 0 && total >= 0, "count %s/%s is negative", done, total);
  }

  /** A well-formed counter: {@code 0 <= done <= total}. */
  public static Count of(long done, long total) {
    checkArgument(done <= total, "done %s exceeds total %s", done, total);
    return new Count(done, total);
  }

  /** A counter that may be corrupted ({@code done > total}). */
  public static Count unchecked(long done, long total) {
    return new Count(done, total);
  }

  /** {@code done == total}. */
  public boolean isComplete() {
    return done == total;
  }

  /** {@code done > total}: impossible on a healthy device. */
  public boolean isExceeded() {
    return done > total;
  }

  /** How many releases are still outstanding ({@code total - done}); negative when exceeded. */
  public long missing() {
    return total - done;
  }

  /** The device notation {@code done/total}. */
  @Override
  public String toString() {
    return done + "/" + total;
  }
}
