package io.ptosim.analysis.verdict;

/**
 * What the checker had to assume: because the snapshot carried counters but no edges, or because a
 * device log printed only part of the state.
 */
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
  DEFERRED_RELEASES,
  /** From a device log: the head's unfinished consumers can still run (tasks are in flight). */
  CONSUMERS_RUN,
  /** From a device log that does not print the head: the head and what it waits for can still retire. */
  HEAD_RETIRES,
  /** From a device log that does not say whether the head's scope reference was released: it was. */
  SCOPE_RELEASED,
  /** From a device log without CLUSTER lines: every core was idle, as the stall's sub-class says. */
  DEVICE_IDLE,
  /** From a device log: the kernels still running on a core will complete. */
  KERNEL_COMPLETES,
  /** From a device log: the orchestrator, not finished, will go on submitting. */
  ORCHESTRATOR_SUBMITS,
  /** From a device log that prints only a stall's error code: the runtime's own check was right. */
  RUNTIME_CHECK
}
