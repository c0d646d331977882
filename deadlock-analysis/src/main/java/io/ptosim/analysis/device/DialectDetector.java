package io.ptosim.analysis.device;

import java.util.Optional;

/**
 * Tells main from the seed era by the first line only one of them prints: main's sim/host prefix,
 * its {@code consumers=a/b, scope_released=} head line, {@code [TaskAllocator ring=R]} and
 * {@code Task ring R:}; the seed era's {@code pto2_}-prefixed functions, {@code Ring sizes:},
 * {@code [TaskAllocator] BLOCKED}, the ring-less {@code Task ring:} and the seed's task records.
 */
final class DialectDetector {
  private Optional<Dialect> detected = Optional.empty();
  private String reason = "no line tells the dialects apart; main assumed";

  void observe(int number, String raw, LogLine line) {
    if (detected.isPresent()) {
      return;
    }
    String f = line.function();
    String m = line.message();
    if (raw.startsWith("[mono_ns=")) {
      found(Dialects.main(), number, "the [mono_ns=…][T0x…] prefix is main's");
    } else if (m.contains("scope_released=")) {
      found(Dialects.main(), number, "the head line with scope_released= is main's");
    } else if (m.contains("[TaskAllocator ring=")) {
      found(Dialects.main(), number, "[TaskAllocator ring=R] is main's");
    } else if (m.startsWith("Ring buffer sizes: task_window=[")) {
      found(Dialects.main(), number, "'Ring buffer sizes: task_window=[…]' is main's");
    } else if (f.startsWith("pto2_") || f.endsWith("_pto2")) {
      found(Dialects.pr482(), number, "function " + f + " is the seed era's (pto2_ names)");
    } else if (m.startsWith("Thread ") && m.contains(": Ring sizes: task_window=")) {
      found(Dialects.pr482(), number, "'Ring sizes: task_window=N' is the seed era's");
    } else if (m.contains("[TaskAllocator] BLOCKED")) {
      found(Dialects.pr482(), number, "[TaskAllocator] BLOCKED without a ring is the seed era's");
    } else if (m.contains("Task ring:") && m.contains("current=")) {
      found(Dialects.pr482(), number, "'Task ring: current=' without a ring number is the seed era's");
    } else if (m.contains("Head task ") && m.contains(", fanout=")) {
      found(Dialects.pr482(), number, "the head line with fanin=/fanout= is the seed era's");
    } else if (SeedRecords.isTaskRecord(m)) {
      found(Dialects.pr482(), number, "the task=N state=S … next_block=K record is the seed snapshot's");
    }
  }

  private void found(Dialect dialect, int number, String why) {
    detected = Optional.of(dialect);
    reason = "line " + number + ": " + why;
  }

  /** Whether a line has told the dialect. */
  boolean decided() {
    return detected.isPresent();
  }

  Dialect dialect() {
    return detected.orElse(Dialects.main());
  }

  String reason() {
    return reason;
  }
}
