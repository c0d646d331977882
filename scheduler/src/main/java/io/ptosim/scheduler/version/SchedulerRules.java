package io.ptosim.scheduler.version;

/**
 * The scheduler-side rules of a runtime version: ready buffers, dispatch order, ring advance under
 * the try-lock, the scheduler's own timeouts. Each component is a small rule class behind an interface.
 */
public record SchedulerRules() {
  /** The rules of upstream main at 6ebaf77. */
  public static SchedulerRules main6ebaf77() {
    return new SchedulerRules();
  }

  /** The rules of PR #482 rebased (01d0723), the seed's runtime. */
  public static SchedulerRules pr482() {
    return new SchedulerRules();
  }
}
