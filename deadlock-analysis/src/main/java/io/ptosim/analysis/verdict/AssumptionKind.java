package io.ptosim.analysis.verdict;

/** What the checker had to assume because the snapshot carried counters but no edges. */
public enum AssumptionKind {
  /** The unreleased fanin comes from the nearest unfinished earlier tasks of the ring. */
  PRODUCERS,
  /** The unreleased fanout waits for the nearest unfinished later tasks of the ring. */
  CONSUMERS,
  /** The fanin's publish barrier was released: unfinished earlier tasks explain the gap. */
  PUBLISHED,
  /** The fanin's publish barrier is still held: too few earlier tasks explain the gap. */
  UNPUBLISHED,
  /** Part of the unreleased fanout is owed by consumers that completed; the release is batched. */
  DEFERRED_RELEASES
}
