package io.ptosim.cli;

import com.google.common.collect.ImmutableSet;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.sizing.ResourceSizing;
import io.ptosim.scheduler.sizing.RingResource;
import io.ptosim.scheduler.sizing.SizingReport;
import io.ptosim.scheduler.sizing.Trial;
import io.ptosim.scheduler.sizing.TuneListener;
import io.ptosim.scheduler.sizing.Tuner;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ptosim tune}: the smallest ring sizes a program needs, under the version's detector and under patience. */
@Command(name = "tune", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Size the ring resources of a program by simulating it: for each resource the smallest size that",
        "completes under the runtime version's own stall detector and under 'patient', and whether the stall below",
        "it is a real cycle or slow progress. Exit 0 when the current sizes complete, 1 when they do not."})
final class TuneCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin RunOptions options;

  @Option(names = "--resource", paramLabel = "R", description = "window | heap | dep-pool | all (default all)")
  String resource = "all";

  @Option(names = "--jobs", paramLabel = "K", description = "simulations run at once, 1..256 (default 1)")
  int jobs = 1;

  @Option(names = "--json", description = "print one JSON object instead of the table")
  boolean json;

  @Option(names = "--quiet", description = "no progress on stderr")
  boolean quiet;

  @Option(names = "--chart", paramLabel = "OUT.svg", description = "write stalls and time lost against the window size as SVG")
  java.nio.file.Path chart;

  @Override
  public Integer call() {
    if (jobs < 1 || jobs > 256) {
      throw new UserInputException("--jobs must be in 1..256: " + jobs);
    }
    ImmutableSet<RingResource> resources;
    try {
      resources = resource.equals("all") ? ImmutableSet.copyOf(RingResource.values())
          : ImmutableSet.of(RingResource.byName(resource));
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--resource: " + e.getMessage());
    }
    if (chart != null && !resources.contains(RingResource.WINDOW)) {
      throw new UserInputException("--chart: needs --resource window or all");
    }
    RunConfig config = options.toConfig();
    PrintWriter err = spec.commandLine().getErr();
    TuneListener progress = quiet || System.console() == null ? TuneListener.NONE : (done, planned) -> {
      synchronized (err) {
        err.print(String.format(Locale.ROOT, "\rtune: %d/%d runs", done, Math.max(done, planned)));
        err.flush();
      }
    };
    SizingReport report = new Tuner(config, jobs, progress).tune(resources);
    if (progress != TuneListener.NONE) {
      err.println();
    }
    if (chart != null) {
      ResourceSizing w = report.resources().get(RingResource.WINDOW);
      OutputFiles.write(chart, "--chart", TuneChart.svg("tune: " + options.describe() + " (" + report.runtime() + ", "
          + report.detector() + ", " + report.platform() + ")", w));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(toJson(report)));
    } else {
      print(options.describe(), report, out);
    }
    return report.currentOutcome() == io.ptosim.scheduler.run.Outcome.COMPLETED ? ExitCodes.OK : ExitCodes.NOT_COMPLETED;
  }

  static Map<String, Object> toJson(SizingReport r) {
    Map<String, Object> o = Json.object();
    o.put("program", r.program());
    o.put("tasks", r.tasks());
    o.put("runtime", r.runtime());
    o.put("detector", r.detector());
    o.put("platform", r.platform());
    Map<String, Object> current = Json.object();
    current.put("outcome", r.currentOutcome().name());
    current.put("errorCode", r.currentErrorCode());
    current.put("stalls", r.current().stalls());
    current.put("longestStallNs", r.current().longestNs());
    current.put("timeLostNs", r.current().lostNs());
    current.put("peakWindowFill", r.current().peakWindowFill());
    o.put("current", current);
    Map<String, Object> resources = Json.object();
    for (ResourceSizing s : r.resources().values()) {
      Map<String, Object> x = Json.object();
      x.put("envVar", s.resource().envVar());
      x.put("current", s.current());
      x.put("minimum", orNull(s.minimum()));
      x.put("minimumPatient", orNull(s.minimumPatient()));
      x.put("verdictBelow", s.verdictBelow().orElse(null));
      x.put("onlyPostpones", s.onlyPostpones());
      x.put("searchedUpTo", s.searchedUpTo());
      x.put("recommendation", s.recommendation());
      List<Map<String, Object>> trials = new ArrayList<>();
      for (Trial t : s.trials()) {
        Map<String, Object> y = Json.object();
        y.put("size", t.size());
        y.put("outcome", t.outcome().name());
        y.put("errorCode", t.errorCode());
        y.put("patientOutcome", t.patientOutcome().name());
        y.put("stalls", t.stats().stalls());
        y.put("longestStallNs", t.stats().longestNs());
        y.put("timeLostNs", t.stats().lostNs());
        trials.add(y);
      }
      x.put("trials", trials);
      resources.put(s.resource().cliName(), x);
    }
    o.put("resources", resources);
    return o;
  }

  private static Object orNull(OptionalLong v) {
    return v.isPresent() ? v.getAsLong() : null;
  }

  static void print(String what, SizingReport r, PrintWriter out) {
    out.println("tune:       " + what + " (" + r.tasks() + " tasks)");
    out.println("runtime:    " + r.runtime() + ", detector " + r.detector() + ", platform " + r.platform());
    out.println(String.format(Locale.ROOT, "current:    %s (code %d), %d stalls, longest %.3f ms, %.3f ms lost, peak window fill per ring %s",
        r.currentOutcome(), r.currentErrorCode(), r.current().stalls(), r.current().longestNs() / 1e6, r.current().lostNs() / 1e6,
        r.current().peakWindowFill()));
    for (ResourceSizing s : r.resources().values()) {
      out.println();
      out.println(String.format(Locale.ROOT, "%s (%s): current %d, minimum %s, minimum under patient %s, below it %s",
          s.resource().cliName(), s.resource().envVar(), s.current(), text(s.minimum()), text(s.minimumPatient()),
          s.verdictBelow().orElse("-")));
      out.println(String.format(Locale.ROOT, "  %14s  %-18s %4s  %-18s %7s %12s %12s", "size", "detector", "code", "patient",
          "stalls", "longest ms", "lost ms"));
      for (Trial t : s.trials()) {
        out.println(String.format(Locale.ROOT, "  %14d  %-18s %4d  %-18s %7d %12.3f %12.3f", t.size(), t.outcome(), t.errorCode(),
            t.patientOutcome(), t.stats().stalls(), t.stats().longestNs() / 1e6, t.stats().lostNs() / 1e6));
      }
      out.println("  => " + s.recommendation());
    }
  }

  private static String text(OptionalLong v) {
    return v.isPresent() ? Long.toString(v.getAsLong()) : "none";
  }
}
