package io.ptosim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    subcommands = {CommandLine.HelpCommand.class, RunCommand.class, CheckCommand.class, ReproduceCommand.class, BenchCommand.class},
    footer = {"", "Exit status: 0 ok, 1 run not completed / reproduction mismatch, 2 bad input, 3 internal error or out of memory.",
        "--debug (anywhere on the line) prints the stack trace of an internal error; PTOSIM_JAVA_OPTS passes JVM options (e.g. -Xmx4g)."})
public final class PtosimMain implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command line with the given streams; returns the exit status. Used by tests too. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    // --debug is global and may stand anywhere; --json also decides how errors are reported.
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    boolean debug = rest.remove("--debug");
    boolean json = rest.contains("--json");
    String command = rest.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("ptosim");
    // An error object goes to stdout only if the command has not printed its own (check does, with the line).
    boolean[] printed = {false};
    PrintWriter tracked = new PrintWriter(new java.io.FilterWriter(out) {
      @Override
      public void write(int c) throws java.io.IOException {
        printed[0] = true;
        super.write(c);
      }

      @Override
      public void write(char[] cbuf, int off, int len) throws java.io.IOException {
        printed[0] |= len > 0;
        super.write(cbuf, off, len);
      }

      @Override
      public void write(String str, int off, int len) throws java.io.IOException {
        printed[0] |= len > 0;
        super.write(str, off, len);
      }
    }, true);
    Failures failures = new Failures(debug, json, tracked, err, () -> printed[0]);
    CommandLine cli = new CommandLine(new PtosimMain());
    cli.setOut(tracked);
    cli.setErr(err);
    cli.setParameterExceptionHandler((ex, a) -> failures.badInput(ex.getMessage()));
    cli.setExecutionExceptionHandler((ex, cmd, parsed) -> failures.report(ex, command));
    int code;
    try {
      code = cli.execute(rest.toArray(new String[0]));
    } catch (OutOfMemoryError | StackOverflowError e) {
      code = failures.report(e, command);
    }
    tracked.flush();
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
