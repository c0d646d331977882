package io.ptosim.cli.progress;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --quiet} option of a command that reports progress; add it with
 * {@code @Mixin ProgressOptions progress;} and open a reporter with {@link #progress}.
 */
public final class ProgressOptions {
  @Option(names = "--quiet", description = "no progress bar on stderr (there is none when stderr is not a terminal)")
  boolean quiet;

  /** A reporter on the command's stderr: silent with {@code --quiet} or when stderr is not a terminal. */
  public Progress progress(CommandLine.Model.CommandSpec spec, String label, long total) {
    return quiet ? Progress.silent() : Progress.on(spec.commandLine().getErr(), label, total);
  }

  /** Whether {@code --quiet} was given. */
  public boolean quiet() {
    return quiet;
  }
}
