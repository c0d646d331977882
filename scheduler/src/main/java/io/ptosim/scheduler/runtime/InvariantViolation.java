package io.ptosim.scheduler.runtime;

/**
 * The invariant monitor caught the runtime breaking one of its own rules; the message names the
 * event being executed, the virtual instant, the task and the rule.
 */
public final class InvariantViolation extends RuntimeException {
  private final long task;
  private final String rule;

  InvariantViolation(String event, long atNs, long task, String rule) {
    super("invariant violated at event '" + event + "' t=" + atNs + " ns: task " + task + ": " + rule);
    this.task = task;
    this.rule = rule;
  }

  /** The runtime id of the task the rule is about. */
  public long task() {
    return task;
  }

  /** The broken rule, in words. */
  public String rule() {
    return rule;
  }
}
