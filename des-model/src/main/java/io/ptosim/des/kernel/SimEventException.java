package io.ptosim.des.kernel;

/** A model handler threw: the message names the event and the virtual instant, the cause is kept. */
public final class SimEventException extends RuntimeException {

  private final EventLabel label;
  private final long atNs;

  public SimEventException(EventLabel label, long atNs, Throwable cause) {
    super("event '" + label + "' at " + atNs + " ns failed: " + cause, cause);
    this.label = label;
    this.atNs = atNs;
  }

  public EventLabel label() {
    return label;
  }

  public long atNs() {
    return atNs;
  }
}
