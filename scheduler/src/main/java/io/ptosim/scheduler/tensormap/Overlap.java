package io.ptosim.scheduler.tensormap;

/**
 * How a looked-up region relates to a TensorMap entry of the same base address, as upstream's
 * check_overlap classifies it: disjoint, partly overlapping, or fully covering the entry. PARTIAL
 * and COVERED both make the entry's task a producer; an INOUT that COVERS an entry replaces it.
 */
public enum Overlap {
  NONE,
  PARTIAL,
  COVERED;

  /** Classifies the byte range {@code [start, end)} against the entry range {@code [entryStart, entryEnd)}. */
  public static Overlap of(long start, long end, long entryStart, long entryEnd) {
    if (end <= entryStart || entryEnd <= start) {
      return NONE;
    }
    return start <= entryStart && entryEnd <= end ? COVERED : PARTIAL;
  }
}
