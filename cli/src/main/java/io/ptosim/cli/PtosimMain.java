package io.ptosim.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code ptosim} command line. */
@Command(
    name = "ptosim",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Simulates the PTO2 task runtime (simpler's tensormap_and_ringbuffer) on a virtual Ascend a2a3,",
      "deterministically, and proves why an allocator stall happens."
    },
    subcommands = {CommandLine.HelpCommand.class, RunCommand.class, CheckCommand.class, ReproduceCommand.class, ExploreCommand.class, ReplayCommand.class, BenchCommand.class},
    footer = {"", "Exit status: 0 ok, 1 run not completed / reproduction mismatch, 2 bad input, 3 internal error."})
public final class PtosimMain implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command line with the given streams; returns the exit status. Used by tests too. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new PtosimMain());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler((ex, a) -> {
      err.println("ptosim: " + ex.getMessage());
      return ExitCodes.BAD_INPUT;
    });
    cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      if (ex instanceof UserInputException) {
        err.println("ptosim: " + ex.getMessage());
        return ExitCodes.BAD_INPUT;
      }
      err.println("ptosim: internal error: " + ex);
      ex.printStackTrace(err);
      return ExitCodes.INTERNAL;
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
