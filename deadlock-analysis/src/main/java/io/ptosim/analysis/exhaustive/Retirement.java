package io.ptosim.analysis.exhaustive;

/** In which futures of a snapshot the ring head is retired (CONSUMED and advanced past). */
public enum Retirement {
  /** Every fair future retires it (the system always terminates, so: no reachable dead end). */
  EVERY_FAIR_FUTURE,
  /** Some futures retire it and some reach a dead end without it. */
  SOME_FUTURE_ONLY,
  /** No future retires it. */
  NO_FUTURE
}
