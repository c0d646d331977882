package io.ptosim.des.kernel;

import nl.tudelft.simulation.dsol.formalisms.eventscheduling.AbstractSimEvent;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;

/**
 * The one DSOL event class of ptosim. DSOL orders events by time, then priority, then id, and fills
 * the id from a JVM-wide counter; we overwrite that id with our own order key (rank, tie-break bits,
 * this simulation's sequence number) so that same-instant order is ours and never DSOL's.
 */
final class KernelEvent extends AbstractSimEvent<Long> implements EventHandle {

  private final SimKernel kernel;
  private final Runnable action;
  private final EventLabel label;
  private final int rank;
  /** The execution time unboxed: the event list compares it on every sift, DSOL keeps it as a {@code Long}. */
  private final long atNs;
  private boolean pending = true;
  /** Position in {@link KernelEventList}'s heap, -1 when not in it. */
  int heapIndex = -1;

  KernelEvent(SimKernel kernel, long atNs, int rank, long orderKey, EventLabel label, Runnable action) {
    super(atNs, SimEventInterface.NORMAL_PRIORITY);
    this.kernel = kernel;
    this.rank = rank;
    this.label = label;
    this.action = action;
    this.atNs = atNs;
    this.id = orderKey;
  }

  long orderKey() {
    return id;
  }

  @Override
  public void execute() {
    pending = false;
    kernel.dispatch(this, action);
  }

  @Override
  public long atNs() {
    return atNs;
  }

  @Override
  public EventLabel label() {
    return label;
  }

  int rank() {
    return rank;
  }

  @Override
  public boolean isPending() {
    return pending;
  }

  boolean kernelIs(SimKernel k) {
    return kernel == k;
  }

  void markCancelled() {
    pending = false;
  }

  /** DSOL calls toString on every schedule for a log line; a constant keeps that off the hot path. */
  @Override
  public String toString() {
    return "KernelEvent";
  }
}
