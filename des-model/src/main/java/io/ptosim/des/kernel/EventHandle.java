package io.ptosim.des.kernel;

/**
 * A scheduled event, as seen by the model: it can be asked when it runs and cancelled through
 * {@link SimKernel#cancel}. Holding a handle keeps no reference to DSOL's id.
 */
public interface EventHandle {

  long atNs();

  EventLabel label();

  /** True until the event has run or been cancelled. */
  boolean isPending();
}
