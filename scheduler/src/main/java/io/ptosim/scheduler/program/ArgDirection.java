package io.ptosim.scheduler.program;

/**
 * How a task uses a tensor argument. INPUT and INOUT are looked up in the TensorMap (they find
 * producers); OUTPUT_EXISTING and INOUT are inserted as the region's new writer; OUTPUT is a fresh
 * buffer from the ring's heap and is neither looked up nor inserted.
 */
public enum ArgDirection {
  INPUT,
  OUTPUT,
  INOUT,
  OUTPUT_EXISTING;

  public boolean looksUp() {
    return this == INPUT || this == INOUT;
  }

  public boolean inserts() {
    return this == INOUT || this == OUTPUT_EXISTING;
  }
}
