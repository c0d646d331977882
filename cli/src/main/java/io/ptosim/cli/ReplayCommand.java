package io.ptosim.cli;

import io.ptosim.des.trace.ChromeTraceWriter;
import io.ptosim.des.trace.TraceSink;
import io.ptosim.properties.corpus.CorpusEntry;
import io.ptosim.properties.corpus.ExpectedRun;
import io.ptosim.properties.corpus.FieldDifference;
import io.ptosim.properties.corpus.Replayer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ptosim replay}: re-run corpus entries and counterexamples and compare with their {@code .expect}. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Replay program files with their .expect (corpus entries, explore counterexamples): each listed policy's",
        "outcome, message, verdicts and trace hash. Exit 0 when every run matches, 1 with a per-field diff otherwise."})
final class ReplayCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "program files NAME.json, each next to NAME.expect")
  List<Path> files;

  @Option(names = "--trace", paramLabel = "OUT.json", description = "write the Perfetto (Chrome JSON) timeline of one replayed run (one FILE only)")
  Path trace;

  @Option(names = "--trace-policy", paramLabel = "NAME", description = "the run --trace writes (default: the .expect's first run)")
  String tracePolicy;

  @Option(names = "--json", description = "print one JSON object instead of text")
  boolean json;

  @Override
  public Integer call() throws IOException {
    try {
      return replay();
    } catch (UserInputException e) {
      if (json) {
        spec.commandLine().getOut().println(Json.write(Map.of("error", e.getMessage())));
      }
      throw e;
    }
  }

  private int replay() throws IOException {
    if (trace != null && files.size() != 1) {
      throw new UserInputException("--trace writes one run: give exactly one FILE (" + files.size() + " given)");
    }
    if (tracePolicy != null && trace == null) {
      throw new UserInputException("--trace-policy needs --trace");
    }
    List<CorpusEntry> entries = new ArrayList<>();
    for (Path f : files) {
      entries.add(load(f));
    }
    PrintWriter out = spec.commandLine().getOut();
    List<Object> results = new ArrayList<>();
    int differing = 0;
    for (CorpusEntry entry : entries) {
      Replayer.Result r = trace == null ? Replayer.replay(entry, i -> List.of()) : withTrace(entry);
      differing += r.matches() ? 0 : 1;
      if (json) {
        results.add(toJson(r));
      } else {
        print(r, out);
      }
    }
    if (json) {
      Map<String, Object> doc = Json.object();
      doc.put("entries", results);
      doc.put("matched", entries.size() - differing);
      doc.put("differ", differing);
      out.println(Json.write(doc));
    } else {
      out.println(entries.size() - differing + " of " + entries.size() + " entries replay exactly"
          + (trace == null ? "" : "; trace: " + trace + " (open in https://ui.perfetto.dev)"));
    }
    out.flush();
    return differing == 0 ? ExitCodes.OK : ExitCodes.NOT_COMPLETED;
  }

  private static CorpusEntry load(Path f) {
    if (!f.getFileName().toString().endsWith(".json")) {
      throw new UserInputException(f + ": a program file ends in .json (its expectation is NAME.expect next to it)");
    }
    if (!Files.isRegularFile(f)) {
      throw new UserInputException(f + ": no such file");
    }
    if (!Files.isRegularFile(CorpusEntry.expectFile(f))) {
      throw new UserInputException(CorpusEntry.expectFile(f) + ": no such file (replay needs the .expect next to the program)");
    }
    try {
      return CorpusEntry.load(f);
    } catch (IOException e) {
      throw new UserInputException(e.getMessage());
    }
  }

  private Replayer.Result withTrace(CorpusEntry entry) throws IOException {
    List<ExpectedRun> runs = entry.expectation().runs();
    int pick = 0;
    if (tracePolicy != null) {
      pick = -1;
      for (int i = 0; i < runs.size(); i++) {
        if (runs.get(i).policy().equals(tracePolicy)) {
          pick = i;
          break;
        }
      }
      if (pick < 0) {
        throw new UserInputException("--trace-policy " + tracePolicy + ": " + entry.programFile() + " has no such run (runs: "
            + runs.stream().map(ExpectedRun::policy).toList() + ")");
      }
    }
    int chosen = pick;
    try (OutputStream os = new BufferedOutputStream(OutputFiles.stream(trace, "--trace"), 1 << 16)) {
      TraceSink writer = new ChromeTraceWriter(os, entry.expectation().settings().profile().schedulerThreads());
      return Replayer.replay(entry, i -> i == chosen ? List.of(writer) : List.of());
    }
  }

  private static void print(Replayer.Result r, PrintWriter out) {
    CorpusEntry e = r.entry();
    out.println(e.programFile() + ": " + e.program().taskCount() + " tasks, " + e.expectation().settings().describe());
    for (ExpectedRun run : r.actual()) {
      out.println("  " + run.policy() + ": " + run.outcome() + (run.verdict().isEmpty() ? "" : " (" + run.verdict() + ")")
          + " stalls=" + run.stallVerdicts() + " hash=" + run.traceHash().substring(0, 16));
    }
    for (FieldDifference d : r.differences()) {
      out.println("  DIFFERS " + d);
    }
    out.println(r.matches() ? "  as expected" : "  " + r.differences().size() + " field(s) differ");
  }

  private static Map<String, Object> toJson(Replayer.Result r) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("file", r.entry().programFile().toString());
    o.put("matches", r.matches());
    List<Object> diffs = new ArrayList<>();
    for (FieldDifference d : r.differences()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("run", d.run());
      x.put("policy", d.policy());
      x.put("field", d.field());
      x.put("expected", d.expected());
      x.put("actual", d.actual());
      diffs.add(x);
    }
    o.put("differences", diffs);
    return o;
  }
}
