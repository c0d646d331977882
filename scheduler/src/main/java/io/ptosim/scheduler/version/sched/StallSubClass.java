package io.ptosim.scheduler.version.sched;

/**
 * main's one-glance classification of a scheduler timeout (6ebaf77 common/pto_runtime_status.h
 * classify_stall_detail, stall_detail_name): the first that applies of running, ready, waiting,
 * orchestrator not done.
 */
public enum StallSubClass {
  S1("S1:running-stalled"),
  S3("S3:ready-but-all-idle"),
  S4("S4:dependency-deadlock"),
  S5("S5:orchestrator-starvation"),
  UNKNOWN("unknown:accounting/corruption");

  private final String label;

  StallSubClass(String label) {
    this.label = label;
  }

  /** The text upstream prints after {@code sub_class=}. */
  public String label() {
    return label;
  }

  public static StallSubClass of(long running, long ready, long waiting, boolean orchestratorDone) {
    if (running > 0) {
      return S1;
    }
    if (ready > 0) {
      return S3;
    }
    if (waiting > 0) {
      return S4;
    }
    return orchestratorDone ? UNKNOWN : S5;
  }
}
