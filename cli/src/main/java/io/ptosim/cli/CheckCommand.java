package io.ptosim.cli;

import io.ptosim.analysis.StallChecker;
import io.ptosim.analysis.device.Dialect;
import io.ptosim.analysis.device.Dialects;
import io.ptosim.analysis.device.RebuiltState;
import io.ptosim.analysis.device.RunStateRebuilder;
import io.ptosim.analysis.exhaustive.ExhaustiveSearch;
import io.ptosim.analysis.export.ExportScope;
import io.ptosim.analysis.export.WitnessExporter;
import io.ptosim.analysis.text.ParsedSnapshot;
import io.ptosim.analysis.text.SnapshotFormatException;
import io.ptosim.analysis.text.SnapshotParser;
import io.ptosim.analysis.verdict.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ptosim check}: classify the stall in what a device printed (any dialect of the real
 * runtime, docs/device-logs.md) or in a snapshot (docs/snapshot-format.md).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Classify an allocator or scheduler stall: REAL_DEADLOCK, UNRETIRED_PROGRESS, LOST_WAKEUP,",
        "INVARIANT_VIOLATION, or NO_STALL for a log without one. Reads the runtime's logs as printed",
        "(docs/device-logs.md) and the snapshot format (docs/snapshot-format.md)."})
final class CheckCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "INPUT", description = "a log or snapshot file, - for standard input, or a run's output folder (log.txt)")
  String file;

  @Option(names = "--dialect", paramLabel = "NAME", description = "read the log as pr482 or main instead of detecting it")
  String dialect;

  @Option(names = "--deps", paramLabel = "deps.json", description = "the run's task graph (dep_gen's deps.json); with --swimlane, rebuild the state and decide on it")
  Path deps;

  @Option(names = "--swimlane", paramLabel = "chip_swimlane_records.json", description = "which blocks had finished (the run's swimlane records)")
  Path swimlane;

  @Option(names = "--scope-stats", paramLabel = "scope_stats.jsonl", description = "the run's scope begins and ends (scope_stats.jsonl)")
  Path scopeStats;

  @Option(names = "--json", description = "print one JSON object instead of text")
  boolean json;

  @Option(names = "--dot", paramLabel = "OUT", description = "write the wait-for graph with the witness highlighted as DOT (snapshots only)")
  Path dot;

  @Option(names = "--graph-json", paramLabel = "OUT", description = "write the wait-for graph with the witness highlighted as JSON (snapshots only)")
  Path graphJson;

  @Option(names = "--whole-graph", description = "export the whole wait-for graph, not only the witness")
  boolean wholeGraph;

  @Option(names = "--exhaustive", description = "also search every future of a small snapshot (at most "
      + ExhaustiveSearch.DEFAULT_BOUND + " live tasks, edges known) and set its answer against the verdict")
  boolean exhaustive;

  @Override
  public Integer call() throws IOException {
    try {
      return check();
    } catch (CheckLineException e) {
      throw jsonError(e.getMessage(), e.line);
    } catch (UserInputException e) {
      throw jsonError(e.getMessage(), 0);
    }
  }

  /** With {@code --json}, an input error is also one JSON object on stdout. */
  private UserInputException jsonError(String message, int line) {
    if (json) {
      Map<String, Object> o = Json.object();
      o.put("error", message);
      o.put("line", line);
      o.put("exitStatus", ExitCodes.BAD_INPUT);
      spec.commandLine().getOut().println(Json.write(o));
      spec.commandLine().getOut().flush();
    }
    return new UserInputException(message);
  }

  private int check() throws IOException {
    Optional<Dialect> forced = Optional.empty();
    if (dialect != null) {
      forced = Optional.of(Dialects.byName(dialect).orElseThrow(() ->
          new UserInputException("--dialect " + dialect + ": unknown (known: " + Dialects.names() + ")")));
    }
    try (CheckInput input = CheckInput.of(file, System.in)) {
      DeviceCheck.Result device = DeviceCheck.read(input, forced);
      if (device.log().seedTaskRecord().isPresent()) {
        return snapshot(input);
      }
      if (dot != null || graphJson != null) {
        throw new UserInputException(input.name() + ": --dot and --graph-json need a snapshot with task records; this log has none");
      }
      if (exhaustive) {
        throw new UserInputException(input.name() + ": --exhaustive needs a snapshot with task records; this log has none");
      }
      SideFiles.Paths side = SideFiles.resolve(deps, swimlane, scopeStats, input.folder());
      if (side.any() && !side.canRebuild()) {
        if (input.folder().isEmpty()) {
          throw new UserInputException("--deps and --swimlane go together: the state is rebuilt from both"
              + (side.scopeStats().isPresent() && side.deps().isEmpty() && side.swimlane().isEmpty() ? " (--scope-stats adds the scopes)" : ""));
        }
      }
      Optional<RebuiltState> rebuilt = side.canRebuild()
          ? Optional.of(new RunStateRebuilder(SideFiles.read(side)).rebuild()) : Optional.empty();
      DeviceCheck.print(device, rebuilt, input, json, spec.commandLine().getOut());
      return ExitCodes.OK;
    }
  }

  private int snapshot(CheckInput input) throws IOException {
    ParsedSnapshot parsed = parse(input);
    StallChecker checker = new StallChecker(parsed.snapshot());
    Verdict verdict = checker.verdict();
    ExportScope scope = wholeGraph ? ExportScope.WHOLE_GRAPH : ExportScope.WITNESS;
    if (dot != null) {
      OutputFiles.write(dot, "--dot", new WitnessExporter(checker, scope).toDot());
    }
    if (graphJson != null) {
      // jgrapht's JSON exporter drops graph attributes, so the verdict wraps the graph here.
      Map<String, Object> doc = VerdictView.toJson(verdict);
      doc.put("graph", Json.parse(new WitnessExporter(checker, scope).toJson()));
      OutputFiles.write(graphJson, "--graph-json", Json.write(doc));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (exhaustive) {
      return ExhaustiveView.run(parsed.snapshot(), verdict, input.name(), json, out);
    }
    if (json) {
      Map<String, Object> o = VerdictView.toJson(verdict);
      o.put("tasks", parsed.snapshot().tasks().size());
      o.put("skippedLines", parsed.skippedLines());
      out.println(Json.write(o));
    } else {
      VerdictView.print(verdict, out);
      out.println("tasks:   " + parsed.snapshot().tasks().size() + " (" + parsed.skippedLines() + " lines without a record skipped)");
    }
    return ExitCodes.OK;
  }

  private ParsedSnapshot parse(CheckInput input) {
    String name = input.name();
    String text = TextInput.read(input.log(), name);
    try {
      ParsedSnapshot parsed = SnapshotParser.parse(text);
      if (parsed.snapshot().tasks().isEmpty()) {
        throw new UserInputException(name + ": no task record (task=N state=S fanin=a/b ...) found");
      }
      return parsed;
    } catch (SnapshotFormatException e) {
      throw new CheckLineException(name + ": " + e.getMessage(), e.line());
    }
  }
}
