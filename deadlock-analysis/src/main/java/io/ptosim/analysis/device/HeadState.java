package io.ptosim.analysis.device;

import io.ptosim.analysis.snapshot.TaskState;

/** Reads a head line's state in a dialect: {@code state=N} by the dialect's numbers, or a name. */
final class HeadState {
  private HeadState() {}

  static TaskState of(DeviceRecord.Head head, Dialect dialect) throws DeviceLogException {
    if (head.stateCode().isPresent()) {
      int code = head.stateCode().getAsInt();
      return dialect.state(code).orElseThrow(() -> DeviceLogException.badValue(head.line(), "state=" + code,
          "head task line", "dialect " + dialect.name() + " prints " + dialect.codes()));
    }
    String name = head.stateName().orElse("");
    for (TaskState s : TaskState.values()) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw DeviceLogException.badValue(head.line(), name, "head task line",
        "expected PENDING, READY, RUNNING, COMPLETED or CONSUMED");
  }
}
