package io.ptosim.properties.corpus;

/**
 * One field of one run that differs from its {@code .expect}: e.g. run 1 ({@code checker}),
 * field {@code trace_hash}. Field names are the {@code .expect} file's.
 */
public record FieldDifference(int run, String policy, String field, String expected, String actual) {
  /** {@code runs[1] (checker) trace_hash: expected X, got Y}. */
  @Override
  public String toString() {
    return "runs[" + run + "] (" + policy + ") " + field + ": expected " + expected + ", got " + actual;
  }
}
