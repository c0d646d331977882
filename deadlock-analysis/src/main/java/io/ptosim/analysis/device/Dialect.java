package io.ptosim.analysis.device;

import io.ptosim.analysis.snapshot.TaskState;
import java.util.Optional;

/**
 * One runtime version's way of printing: chiefly what its {@code state=N} numbers mean. Chosen by
 * name ({@code --dialect}) or detected from the lines ({@link DialectDetector}).
 */
public interface Dialect {

  /** The name {@code --dialect} takes. */
  String name();

  /** The state printed as {@code code}, or empty when this dialect has no such code. */
  Optional<TaskState> state(int code);

  /** The codes this dialect prints, for error messages, e.g. {@code 0 PENDING, 1 COMPLETED, 2 CONSUMED}. */
  String codes();
}
