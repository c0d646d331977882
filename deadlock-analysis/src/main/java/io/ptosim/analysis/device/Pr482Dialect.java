package io.ptosim.analysis.device;

import io.ptosim.analysis.snapshot.TaskState;
import java.util.Optional;

/**
 * The seed era (PR #482 at 01d0723, and the seed snapshot of upstream #495): states 0 PENDING,
 * 1 READY, 2 RUNNING, 3 COMPLETED, 4 CONSUMED.
 */
public final class Pr482Dialect implements Dialect {
  @Override
  public String name() {
    return "pr482";
  }

  @Override
  public Optional<TaskState> state(int code) {
    return code >= 0 && code <= 4 ? Optional.of(TaskState.ofCode(code)) : Optional.empty();
  }

  @Override
  public String codes() {
    return "0 PENDING, 1 READY, 2 RUNNING, 3 COMPLETED, 4 CONSUMED";
  }
}
