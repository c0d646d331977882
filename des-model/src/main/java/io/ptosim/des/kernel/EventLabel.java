package io.ptosim.des.kernel;

import com.google.common.base.Preconditions;

/**
 * What a scheduled event is about, cheap to build: a kind word and the task it concerns ({@code -1}
 * when it concerns none). Labels name failing events and describe the pending list to the stall
 * checker; they never carry DSOL's ids.
 */
public record EventLabel(String kind, long task) {

  public static final long NO_TASK = -1L;

  public EventLabel {
    Preconditions.checkNotNull(kind, "kind");
  }

  public static EventLabel of(String kind) {
    return new EventLabel(kind, NO_TASK);
  }

  public static EventLabel of(String kind, long task) {
    return new EventLabel(kind, task);
  }

  public boolean hasTask() {
    return task != NO_TASK;
  }

  @Override
  public String toString() {
    return hasTask() ? kind + " task=" + task : kind;
  }
}
