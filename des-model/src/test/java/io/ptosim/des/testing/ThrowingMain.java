package io.ptosim.des.testing;

import io.ptosim.des.kernel.EventLabel;
import io.ptosim.des.kernel.RunLimits;
import io.ptosim.des.kernel.SimKernel;

/** A forked JVM's main whose handler throws: the JVM must still exit, with the event named. */
public final class ThrowingMain {
  private ThrowingMain() {}

  public static void main(String[] args) {
    try (SimKernel kernel = new SimKernel()) {
      kernel.scheduleAt(5, 0, EventLabel.of("explode", 7), () -> {
        throw new IllegalStateException("boom");
      });
      kernel.run(RunLimits.DEFAULT);
    }
  }
}
