package io.ptosim.des.kernel;

/** An event still scheduled in the kernel: when it will run, its rank and what it is about. */
public record PendingEvent(long atNs, int rank, EventLabel label) {}
