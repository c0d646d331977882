package io.ptosim.des.kernel;

import ch.qos.logback.classic.Level;
import org.djutils.logger.CategoryLogger;

/** Silences DSOL's and djutils' own logging, once per JVM: a run prints only what ptosim means to print. */
final class DsolQuiet {

  private DsolQuiet() {}

  private static final class Once {
    static {
      CategoryLogger.setLogLevelAll(Level.OFF);
    }

    static void touch() {}
  }

  static void ensure() {
    Once.touch();
  }
}
