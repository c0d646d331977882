package io.ptosim.cli;

import io.ptosim.des.trace.ChromeTraceWriter;
import io.ptosim.des.trace.TextTraceWriter;
import io.ptosim.des.trace.TraceSink;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.run.RunReport;
import io.ptosim.scheduler.run.Simulation;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import io.ptosim.cli.progress.Progress;
import io.ptosim.cli.progress.ProgressOptions;

/** {@code ptosim run}: simulate one program or workload and report how it ended. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Simulate a program on the virtual device; exit 0 when it completes, 1 when it does not.")
final class RunCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin RunOptions options;

  @Option(names = "--trace", paramLabel = "OUT.json", description = "write a Chrome trace JSON (open in Perfetto)")
  Path chromeTrace;

  @Option(names = "--trace-text", paramLabel = "OUT.txt", description = "write the canonical trace text (its SHA-256 is the trace hash)")
  Path textTrace;

  @Option(names = "--snapshot-out", paramLabel = "OUT.txt", description = "write the snapshot at the stall that ended the run (input of 'ptosim check')")
  Path snapshotOut;

  @Option(names = "--device-log-out", paramLabel = "OUT.txt", description = "write the simulated device log: on abort, the runtime version's own fatal report (input of 'ptosim check')")
  Path deviceLogOut;

  @Option(names = "--deps-out", paramLabel = "OUT.json", description = "write the simulated program as upstream's deps.json (dep_gen schema)")
  Path depsOut;

  @Option(names = "--swimlane-out", paramLabel = "OUT.json", description = "write the run as upstream's chip_swimlane_records.json (level 4, 50 MHz cycles)")
  Path swimlaneOut;

  @Option(names = "--scope-stats-out", paramLabel = "OUT.jsonl", description = "write the run's scopes as upstream's scope_stats.jsonl")
  Path scopeStatsOut;

  @Option(names = "--json", description = "print one JSON object instead of the summary")
  boolean json;

  @Option(names = "--stalls", paramLabel = "WHICH", description = "summary (default: counts per verdict, first and last 5, the longest) | all")
  String stalls = "summary";

  @Mixin ProgressOptions progressOptions;

  @Override
  public Integer call() throws IOException {
    long jvmStartMs = ReportView.Timing.jvmUptimeMs();
    if (!stalls.equals("summary") && !stalls.equals("all")) {
      throw new UserInputException("--stalls '" + stalls + "': expected summary or all");
    }
    RunConfig config = options.toConfig();
    StallSummary stallSummary = new StallSummary();
    List<TraceSink> sinks = new ArrayList<>();
    sinks.add(stallSummary);
    List<AutoCloseable> files = new ArrayList<>();
    try {
      if (chromeTrace != null) {
        OutputStream os = new BufferedOutputStream(OutputFiles.stream(chromeTrace, "--trace"), 1 << 16);
        files.add(os);
        sinks.add(new ChromeTraceWriter(os, config.platform().schedulerThreads()));
      }
      if (textTrace != null) {
        Writer w = OutputFiles.writer(textTrace, "--trace-text");
        files.add(w);
        sinks.add(new TextTraceWriter(w));
      }
      UpstreamExports exports = UpstreamExports.of(config, depsOut, swimlaneOut, scopeStatsOut);
      sinks.addAll(exports.sinks());
      long t0 = ReportView.Timing.begin();
      RunReport report;
      try (Progress progress = progressOptions.progress(spec, "run " + options.describe(), config.program().taskCount())) {
        sinks.add(new ProgressSink(progress));
        report = Simulation.run(config, sinks);
      }
      exports.write();
      ReportView.Timing wall = ReportView.Timing.since(t0, jvmStartMs);
      if (snapshotOut != null) {
        OutputFiles.write(snapshotOut, "--snapshot-out", report.finalSnapshotText().orElse("# the run ended without a stall\n"));
      }
      if (deviceLogOut != null) {
        StringBuilder log = new StringBuilder();
        report.deviceLog().forEach(line -> log.append(line).append('\n'));
        OutputFiles.write(deviceLogOut, "--device-log-out", log.toString());
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.write(ReportView.toJson(report, wall, stallSummary, stalls.equals("all"))));
      } else {
        ReportView.print(options.describe(), report, wall, stallSummary, out);
        if (chromeTrace != null) {
          out.println("trace:      " + chromeTrace + " (open in https://ui.perfetto.dev)");
        }
      }
      return report.completed() ? ExitCodes.OK : ExitCodes.NOT_COMPLETED;
    } finally {
      for (AutoCloseable c : files) {
        try {
          c.close();
        } catch (Exception e) {
          throw new IOException("closing an output file failed", e);
        }
      }
    }
  }
}
