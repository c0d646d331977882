package io.ptosim.cli;

import io.ptosim.des.platform.PlatformProfile;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.run.KernelLookup;
import java.util.List;

/**
 * Applies {@code --set KEY=VALUE} overrides to a platform profile. Every key is looked up: a
 * platform field, or {@code kernel.NAME} naming a kernel of the profile or one the program submits
 * (which defines it); anything else is refused with the known names.
 */
final class PlatformOverrides {

  private PlatformOverrides() {}

  /**
   * A program read from upstream's deps.json names its kernels by func id ({@code f3}; a MIX task
   * with different ids per slot runs {@code f0}, {@code f1}, {@code f2} on its cores); the record
   * holds no durations, so each such kernel is defined, explicitly, with the platform's
   * {@code defaultKernelNs} (a {@code --set kernel.NAME=} still overrides it).
   */
  static PlatformProfile defineRecordedKernels(PlatformProfile base, Program program) {
    PlatformProfile profile = base;
    for (var op : program.ops()) {
      if (op instanceof io.ptosim.scheduler.program.Op.Submit s) {
        for (String kernel : s.runKernels()) {
          if (!profile.knowsKernel(kernel)) {
            profile = profile.with("kernel." + kernel, base.defaultKernelNs());
          }
        }
      }
    }
    return profile;
  }

  static PlatformProfile apply(PlatformProfile base, List<String> overrides, Program program) {
    PlatformProfile profile = base;
    for (String o : overrides) {
      int eq = o.indexOf('=');
      if (eq <= 0) {
        throw new UserInputException("--set '" + o + "': expected KEY=VALUE");
      }
      String key = o.substring(0, eq);
      long value;
      try {
        value = Long.parseLong(o.substring(eq + 1));
      } catch (NumberFormatException e) {
        throw new UserInputException("--set '" + o + "': value is not a whole number (a count, or nanoseconds for a *Ns field or kernel)");
      }
      if (key.startsWith("kernel.")) {
        String kernel = key.substring("kernel.".length());
        if (!base.knowsKernel(kernel) && !KernelLookup.submits(program, kernel)) {
          throw new UserInputException("--set '" + o + "': unknown kernel '" + kernel + "' (known on " + base.name() + ": "
              + String.join(", ", base.kernelNs().keySet()) + "; a new kernel must be one the program submits)");
        }
      }
      try {
        profile = profile.with(key, value);
      } catch (IllegalArgumentException e) {
        throw new UserInputException("--set '" + o + "': " + e.getMessage());
      }
    }
    return profile;
  }
}
