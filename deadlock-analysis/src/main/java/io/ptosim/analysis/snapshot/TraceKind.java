package io.ptosim.analysis.snapshot;

/** The device trace lines a snapshot may carry as evidence. */
public enum TraceKind {
  /** {@code dispatch: thread=T shape=S task=N block=i/n}. */
  DISPATCH("dispatch:"),
  /** {@code ready(local): task=N shape=S fanin=a/b}. */
  READY_LOCAL("ready(local):");

  private final String marker;

  TraceKind(String marker) {
    this.marker = marker;
  }

  /** The token that opens the trace line. */
  public String marker() {
    return marker;
  }
}
