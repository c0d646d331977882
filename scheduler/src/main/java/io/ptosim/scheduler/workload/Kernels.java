package io.ptosim.scheduler.workload;

/**
 * Kernel names the workloads submit; the platform profile maps each to a duration. Paged
 * attention's four kernels keep upstream's roles; the scenario kernels name only a length.
 */
public final class Kernels {
  /** Q x K^T matmul (cube). */
  public static final String QK = "qk";
  /** Softmax prepare (vector). */
  public static final String SF = "sf";
  /** P x V matmul (cube). */
  public static final String PV = "pv";
  /** Online update of the running max, sum and output (vector). */
  public static final String UP = "up";
  /** PR #482's AIV hub: a task with no inputs that owns a MANUAL scope's accumulators. */
  public static final String HUB = "hub";
  /** A mixed cube+vector kernel (demo only). */
  public static final String MIX = "mix";
  /** A kernel far longer than the others: holds a ring head or gates a burst. */
  public static final String LONG = "long";
  /** A short kernel for filler tasks. */
  public static final String SHORT = "short";
  /**
   * A deferred-completion waiter (pypto's {@code pld.system.defer_wait}): its kernel registers a wait
   * condition and returns, and its task completes when the scheduler finds the condition met.
   */
  public static final String DEFER_WAIT = io.ptosim.scheduler.runtime.DeferredCompletion.WAITER_KERNEL;

  private Kernels() {}
}
