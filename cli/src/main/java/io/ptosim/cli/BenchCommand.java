package io.ptosim.cli;

import io.ptosim.des.bench.KernelBench;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Benchmarks, reported as ratios measured in one run (never as timed tests). */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure ptosim's own costs: 'kernel' compares the simulation kernel with a plain priority-queue loop.")
final class BenchCommand implements java.util.concurrent.Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "WHAT", description = "kernel")
  String what;

  @Option(names = "--events", description = "events per timed round (default ${DEFAULT-VALUE})")
  long events = 1_000_000;

  @Option(names = "--rounds", description = "timed rounds; the median is reported (default ${DEFAULT-VALUE})")
  int rounds = 7;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    switch (what) {
      case "kernel":
        out.println("pending  plain ns/event  kernel ns/event  ratio");
        for (int pending : new int[] {1, 1000}) {
          KernelBench.Result r = KernelBench.measure(pending, events, 3, rounds);
          out.println(String.format(Locale.ROOT, "%7d  %14.1f  %15.1f  %5.2f", pending, r.plainNsPerEvent(), r.kernelNsPerEvent(), r.ratio()));
        }
        return ExitCodes.OK;
      default:
        throw new UserInputException("unknown benchmark '" + what + "' (known: kernel)");
    }
  }
}
