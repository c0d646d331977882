package io.ptosim.des.kernel;

import java.util.concurrent.atomic.AtomicLong;

/**
 * DSOL registers every replication under its id in one JVM-wide naming context, so ids must be
 * unique per JVM. This counter is the only JVM-wide state of the kernel; it never reaches a trace.
 */
final class ReplicationIds {

  private static final AtomicLong NEXT = new AtomicLong();

  private ReplicationIds() {}

  static String next() {
    return "ptosim-" + NEXT.incrementAndGet();
  }
}
