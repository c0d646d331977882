package io.ptosim.analysis.device;

import io.ptosim.analysis.snapshot.TaskState;
import java.util.Optional;

/**
 * Upstream main (6ebaf77): {@code PTO2TaskState} is 0 PENDING (submitted, waiting, queued or
 * running), 1 COMPLETED, 2 CONSUMED.
 */
public final class MainDialect implements Dialect {
  @Override
  public String name() {
    return "main";
  }

  @Override
  public Optional<TaskState> state(int code) {
    return switch (code) {
      case 0 -> Optional.of(TaskState.PENDING);
      case 1 -> Optional.of(TaskState.COMPLETED);
      case 2 -> Optional.of(TaskState.CONSUMED);
      default -> Optional.empty();
    };
  }

  @Override
  public String codes() {
    return "0 PENDING, 1 COMPLETED, 2 CONSUMED";
  }
}
