package io.ptosim.scheduler.upstream;

import com.google.common.base.Preconditions;
import java.util.Optional;

/**
 * One argument slot of a recorded submit: its index, its type (INPUT, OUTPUT, INOUT,
 * OUTPUT_EXISTING) and, for every type but OUTPUT, the view it names. An OUTPUT has no view: the
 * runtime creates its buffer at submit, after dep_gen captured the record.
 */
public record DepsArg(int idx, String type, Optional<TensorSlice> slice) {
  public static final String INPUT = "INPUT";
  public static final String OUTPUT = "OUTPUT";
  public static final String INOUT = "INOUT";
  public static final String OUTPUT_EXISTING = "OUTPUT_EXISTING";

  public DepsArg {
    Preconditions.checkArgument(idx >= 0, "idx must be non-negative");
    Preconditions.checkArgument(type.equals(INPUT) || type.equals(OUTPUT) || type.equals(INOUT) || type.equals(OUTPUT_EXISTING),
        "unknown arg type %s", type);
    Preconditions.checkArgument(type.equals(OUTPUT) == slice.isEmpty(), "an OUTPUT has no view, every other type has one");
  }
}
