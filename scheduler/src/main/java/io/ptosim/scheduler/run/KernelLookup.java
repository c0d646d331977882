package io.ptosim.scheduler.run;

import com.google.common.base.Preconditions;
import io.ptosim.des.platform.PlatformProfile;
import io.ptosim.scheduler.program.Op;
import io.ptosim.scheduler.program.Program;

/**
 * Looks up every kernel a program submits (each core's, for a task with per-core kernels) in the platform profile: a kernel the profile does not
 * name would otherwise silently take the default duration. Kernels are defined by the profile or
 * by an override ({@code kernel.NAME}).
 */
public final class KernelLookup {

  private KernelLookup() {}

  /**
   * Throws an {@link IllegalArgumentException} naming the first op whose kernel {@code platform}
   * does not know, with the known names.
   */
  public static void check(Program program, PlatformProfile platform) {
    Preconditions.checkNotNull(platform, "platform");
    int i = 0;
    for (Op op : program.ops()) {
      if (op instanceof Op.Submit submit) {
        for (String kernel : submit.runKernels()) {
          if (!platform.knowsKernel(kernel)) {
            throw new IllegalArgumentException("op " + i + ": unknown kernel '" + kernel + "' (known on " + platform.name() + ": "
                + String.join(", ", platform.kernelNs().keySet()) + "; define one with kernel." + kernel + "=NS)");
          }
        }
      }
      i++;
    }
  }

  /**
   * Whether {@code program} runs {@code kernel} on some core (a task with per-core kernels runs
   * those, not its name).
   */
  public static boolean submits(Program program, String kernel) {
    return program.ops().stream().anyMatch(op -> op instanceof Op.Submit s && s.runKernels().contains(kernel));
  }
}
