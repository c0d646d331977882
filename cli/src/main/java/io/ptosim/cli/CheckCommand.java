package io.ptosim.cli;

import io.ptosim.analysis.StallChecker;
import io.ptosim.analysis.exhaustive.ExhaustiveSearch;
import io.ptosim.analysis.export.ExportScope;
import io.ptosim.analysis.export.WitnessExporter;
import io.ptosim.analysis.text.ParsedSnapshot;
import io.ptosim.analysis.text.SnapshotFormatException;
import io.ptosim.analysis.text.SnapshotParser;
import io.ptosim.analysis.verdict.Verdict;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ptosim check}: classify the stall in a snapshot pasted from a device log (or dumped by ptosim). */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Classify an allocator stall from a snapshot: REAL_DEADLOCK, UNRETIRED_PROGRESS, LOST_WAKEUP or INVARIANT_VIOLATION.",
        "The input format is docs/snapshot-format.md; a device log excerpt works as pasted."})
final class CheckCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "snapshot text file, or - for standard input")
  String file;

  @Option(names = "--json", description = "print one JSON object instead of text")
  boolean json;

  @Option(names = "--dot", paramLabel = "OUT", description = "write the wait-for graph with the witness highlighted as DOT")
  Path dot;

  @Option(names = "--graph-json", paramLabel = "OUT", description = "write the wait-for graph with the witness highlighted as JSON")
  Path graphJson;

  @Option(names = "--whole-graph", description = "export the whole wait-for graph, not only the witness")
  boolean wholeGraph;

  @Option(names = "--exhaustive", description = "also search every future of a small snapshot (at most "
      + ExhaustiveSearch.DEFAULT_BOUND + " live tasks, edges known) and set its answer against the verdict")
  boolean exhaustive;

  @Override
  public Integer call() throws IOException {
    ParsedSnapshot parsed = parse();
    if (parsed.snapshot().tasks().isEmpty()) {
      throw new UserInputException(displayName() + ": no task record (task=N state=S fanin=a/b ...) found");
    }
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
      return ExhaustiveView.run(parsed.snapshot(), verdict, displayName(), json, out);
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

  private String displayName() {
    return file.equals("-") ? "<stdin>" : file;
  }

  private ParsedSnapshot parse() throws IOException {
    String name = displayName();
    try {
      if (file.equals("-")) {
        return SnapshotParser.parse(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      }
      return SnapshotParser.parse(Path.of(file));
    } catch (NoSuchFileException e) {
      throw new UserInputException(name + ": no such file");
    } catch (SnapshotFormatException e) {
      throw new UserInputException(name + ": " + e.getMessage());
    } catch (CharacterCodingException e) {
      throw new UserInputException(name + ": not UTF-8 text");
    } catch (IOException e) {
      throw new UserInputException(name + ": cannot read: " + e.getMessage());
    }
  }
}
