package io.ptosim.cli;

import io.ptosim.scheduler.policy.StallRecord;
import io.ptosim.scheduler.regression.Regression;
import io.ptosim.scheduler.regression.RegressionRun;
import io.ptosim.scheduler.regression.Regressions;
import io.ptosim.scheduler.run.RunReport;
import io.ptosim.scheduler.run.Simulation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ptosim reproduce}: run a catalogued upstream regression and show that it reproduces. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
    description = {"Re-create a real upstream incident from its modelled mechanism and check every run against the catalogue.",
        "Exit 0 when every run shows what the catalogue records, 1 otherwise."})
final class ReproduceCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "a regression id (see --list), or 'all'")
  String id;

  @Option(names = "--list", description = "list the catalogue")
  boolean list;

  @Option(names = "--json", description = "print one JSON object per regression")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (list || id == null) {
      for (String rid : Regressions.ids()) {
        Regression r = Regressions.byId(rid);
        out.println(String.format(Locale.ROOT, "%-11s #%-5d %s", rid, r.upstreamIssue(), r.title()));
      }
      return ExitCodes.OK;
    }
    List<String> ids = new ArrayList<>();
    if (id.equals("all")) {
      ids.addAll(Regressions.ids());
    } else {
      if (!Regressions.ids().contains(id)) {
        throw new UserInputException("unknown regression '" + id + "' (known: " + String.join(", ", Regressions.ids()) + ", all)");
      }
      ids.add(id);
    }
    boolean allMatch = true;
    List<Object> jsonOut = new ArrayList<>();
    for (String rid : ids) {
      Regression r = Regressions.byId(rid);
      Map<String, Object> scenario = Json.object();
      scenario.put("scenario", r.id());
      scenario.put("upstreamIssue", r.upstreamIssue());
      scenario.put("title", r.title());
      List<Map<String, Object>> runs = new ArrayList<>();
      if (!json) {
        out.println(r.id() + ": " + r.title() + " (upstream #" + r.upstreamIssue() + ")");
        out.println("  " + r.story());
        out.println(String.format(Locale.ROOT, "  %-42s %-12s %-46s %-18s %-34s %s", "run", "policy", "switches", "outcome", "stalls", "as catalogued"));
      }
      for (RegressionRun run : r.runs()) {
        RunReport report = Simulation.run(run.config(), List.of());
        List<String> mismatches = run.expected().mismatches(report);
        allMatch &= mismatches.isEmpty();
        if (json) {
          Map<String, Object> o = Json.object();
          o.put("label", run.label());
          o.put("runtime", run.config().runtime().name());
          o.put("whatIf", run.whatIf().orElse(null));
          o.put("policy", run.config().policy());
          o.put("switches", run.switches());
          o.put("outcome", report.outcome().name());
          o.put("message", report.message());
          o.put("finding", report.finding().map(f -> f.verdict()).orElse(null));
          o.put("expected", run.expected().describe());
          o.put("matches", mismatches.isEmpty());
          o.put("mismatches", mismatches);
          List<Map<String, Object>> stalls = new ArrayList<>();
          for (StallRecord s : report.stalls()) {
            Map<String, Object> so = Json.object();
            so.put("verdict", s.verdict().orElse(null));
            so.put("atNs", s.atNs());
            so.put("ring", s.ring());
            so.put("resumed", s.resumed());
            stalls.add(so);
          }
          o.put("stalls", stalls);
          o.put("traceHash", report.traceHash());
          runs.add(o);
        } else {
          String switches = run.switches().isEmpty() ? "-" : String.join(",", run.switches());
          out.println(String.format(Locale.ROOT, "  %-42s %-12s %-46s %-18s %-34s %s", run.label(), run.config().policy(), switches,
              report.outcome(), stallSummary(report), mismatches.isEmpty() ? "yes" : "NO: " + String.join("; ", mismatches)));
          run.whatIf().ifPresent(w -> out.println("      WHAT-IF, not the incident: " + w));
          out.println("      " + report.message());
          report.finding().ifPresent(f -> out.println("      " + f.verdict() + ": " + f.reason()));
        }
      }
      scenario.put("runs", runs);
      jsonOut.add(scenario);
      if (!json) {
        out.println();
      }
    }
    if (json) {
      out.println(Json.write(jsonOut.size() == 1 ? jsonOut.get(0) : jsonOut));
    } else {
      out.println(allMatch ? "every run reproduced as catalogued" : "SOME RUNS DID NOT REPRODUCE AS CATALOGUED");
    }
    return allMatch ? ExitCodes.OK : ExitCodes.NOT_COMPLETED;
  }

  private static String stallSummary(RunReport report) {
    if (report.stalls().isEmpty()) {
      return "none";
    }
    Map<String, Integer> byVerdict = new TreeMap<>();
    for (StallRecord s : report.stalls()) {
      byVerdict.merge(s.verdict().orElse("unjudged"), 1, Integer::sum);
    }
    StringBuilder sb = new StringBuilder().append(report.stalls().size()).append(" (");
    String sep = "";
    for (var e : byVerdict.entrySet()) {
      sb.append(sep).append(e.getKey()).append(' ').append(e.getValue());
      sep = ", ";
    }
    return sb.append(')').toString();
  }
}
