package io.ptosim.cli;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.ptosim.properties.explore.Campaign;
import io.ptosim.properties.explore.ExploreProperty;
import io.ptosim.properties.explore.ExploreReport;
import io.ptosim.properties.explore.ExploreReportJson;
import io.ptosim.properties.explore.Explorer;
import io.ptosim.properties.explore.ReportFolder;
import io.ptosim.properties.explore.Runtimes;
import io.ptosim.properties.explore.Shard;
import io.ptosim.scheduler.fault.Fault;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ptosim explore}: a property campaign over random manual-scope programs (docs/exploration.md). */
@Command(name = "explore", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Check the properties on random manual-scope programs; shrink and write each property's first failures",
        "as replayable counterexamples. Same seed and shard give the same programs and report whatever --jobs.",
        "Exit 0 when every property held, 1 when one failed."})
final class ExploreCommand implements Callable<Integer> {
  private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--property", paramLabel = "NAME", split = ",",
      description = "all (default) or some of: completion, determinism, tie-order, checker-agreement, legacy-soundness, fault-detection")
  List<String> properties = new ArrayList<>(List.of("all"));

  @Option(names = "--programs", paramLabel = "N", description = "programs 0..N-1 of the seed's stream (default 1000)")
  Long programs;

  @Option(names = "--for", paramLabel = "DURATION", description = "explore until this wall-clock time is spent (e.g. 90s, 10m, 1h30m); the report then depends on speed")
  String duration;

  @Option(names = "--seed", paramLabel = "S", description = "the stream's seed (default ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(names = "--runtime", paramLabel = "V", description = "runtime version (default ${DEFAULT-VALUE})")
  String runtime = Runtimes.DEFAULT;

  @Option(names = "--jobs", paramLabel = "K", description = "threads, each running whole simulations (default ${DEFAULT-VALUE})")
  int jobs = 1;

  @Option(names = "--shard", paramLabel = "i/n", description = "every n-th program of the stream, from program i-1")
  String shard;

  @Option(names = "--out", paramLabel = "DIR", description = "counterexamples and explore-report.json go here (default ${DEFAULT-VALUE})")
  Path out = Path.of("explore-out");

  @Option(names = "--fault", paramLabel = "NAME", description = "run the campaign with this bug switch on: ${COMPLETION-CANDIDATES}",
      completionCandidates = FaultNames.class)
  String fault;

  @Option(names = "--counterexamples", paramLabel = "K", description = "failures shrunk and written per property (default ${DEFAULT-VALUE})")
  int counterexamples = Campaign.DEFAULT_COUNTEREXAMPLES;

  @Option(names = "--shrink-budget", paramLabel = "N", description = "programs one shrink may evaluate (default ${DEFAULT-VALUE})")
  int shrinkBudget = Campaign.DEFAULT_SHRINK_BUDGET;

  @Option(names = "--merge", paramLabel = "DIR", arity = "1..*",
      description = "fold the reports of a campaign's shards (each DIR's explore-report.json, or the file) into one")
  List<Path> merge;

  @Option(names = "--json", description = "print the report as one JSON object instead of text")
  boolean json;

  @Option(names = "--quiet", description = "no progress on stderr (failures being shrunk and the wall time are still shown)")
  boolean quiet;

  static final class FaultNames extends ArrayList<String> {
    FaultNames() {
      super(Fault.names());
    }
  }

  @Override
  public Integer call() {
    try {
      return merge == null ? explore() : merge();
    } catch (UserInputException e) {
      if (json) {
        spec.commandLine().getOut().println(Json.write(Map.of("error", e.getMessage())));
      }
      throw e;
    }
  }

  private int explore() {
    if (programs != null && duration != null) {
      throw new UserInputException("--programs and --for exclude each other");
    }
    if (jobs < 1) {
      throw new UserInputException("--jobs must be at least 1: " + jobs);
    }
    if (programs != null && programs < 0) {
      throw new UserInputException("--programs must be non-negative: " + programs);
    }
    if (counterexamples < 0 || shrinkBudget < 0) {
      throw new UserInputException("--counterexamples and --shrink-budget must be non-negative");
    }
    Optional<Duration> budget = Optional.ofNullable(duration).map(ExploreCommand::duration);
    Shard s = parse(() -> shard == null ? Shard.WHOLE : Shard.parse(shard), "--shard");
    Optional<Fault> f = parse(() -> Optional.ofNullable(fault).map(Fault::byName), "--fault");
    parse(() -> Runtimes.check(runtime), "--runtime");
    ImmutableList<ExploreProperty> props = parse(this::properties, "--property");
    Campaign campaign = new Campaign(seed, programs == null ? 1000 : programs, props, f, runtime, counterexamples,
        Campaign.DEFAULT_FAILURES_LISTED, shrinkBudget);
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UserInputException("--out " + out + ": cannot create the directory (" + e.getClass().getSimpleName() + ")");
    }
    OutputFiles.write(out.resolve(ExploreReportJson.FILE), "--out", "");
    PrintWriter err = spec.commandLine().getErr();
    ProgressBar bar = new ProgressBar(err, ProgressBar.stderrIsTerminal(), quiet);
    ExploreReport report = new Explorer(campaign, s, jobs, Optional.of(out), bar).run(budget);
    bar.done();
    OutputFiles.write(out.resolve(ExploreReportJson.FILE), "--out", ExploreReportJson.write(report));
    print(report, Optional.of(out));
    return report.failed() == 0 ? ExitCodes.OK : ExitCodes.NOT_COMPLETED;
  }

  private int merge() {
    List<ExploreReport> reports = new ArrayList<>();
    for (Path p : merge) {
      Path file = Files.isDirectory(p) ? p.resolve(ExploreReportJson.FILE) : p;
      try {
        reports.add(ExploreReportJson.parse(Files.readString(file, StandardCharsets.UTF_8)));
      } catch (NoSuchFileException e) {
        throw new UserInputException("--merge " + file + ": no such file");
      } catch (IOException e) {
        throw new UserInputException("--merge " + file + ": cannot read (" + e.getClass().getSimpleName() + ")");
      } catch (IllegalArgumentException e) {
        throw new UserInputException("--merge " + file + ": " + e.getMessage());
      }
    }
    ExploreReport merged = parse(() -> ReportFolder.merge(reports), "--merge");
    if (spec.commandLine().getParseResult().hasMatchedOption("--out")) {
      OutputFiles.write(out.resolve(ExploreReportJson.FILE), "--out", ExploreReportJson.write(merged));
    }
    print(merged, Optional.empty());
    return merged.failed() == 0 ? ExitCodes.OK : ExitCodes.NOT_COMPLETED;
  }

  private void print(ExploreReport r, Optional<Path> dir) {
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      o.print(ExploreReportJson.write(r));
      o.flush();
      return;
    }
    o.println("explore: seed " + r.campaign().seed() + ", programs " + r.campaign().programs() + ", shard "
        + r.shard().map(Shard::toString).orElse("all") + ", runtime " + r.campaign().runtime() + ", fault "
        + r.campaign().fault().map(Fault::cliName).orElse("none"));
    o.println("explored:   " + r.explored() + " programs, " + r.tasks() + " tasks");
    o.println(String.format(Locale.ROOT, "%-20s %8s %8s %8s", "property", "checked", "failed", "n/a"));
    r.properties().forEach((p, c) -> o.println(String.format(Locale.ROOT, "%-20s %8d %8d %8d", p.cliName(), c.checked(),
        c.failed(), c.notApplicable())));
    r.outcomes().forEach((policy, m) -> o.println("outcomes (" + policy + "): " + counts(m)));
    r.stallVerdicts().forEach((policy, m) -> o.println("stall verdicts (" + policy + "): " + counts(m)));
    o.println("failures:   " + r.failed());
    for (ExploreReport.Failure f : r.failures()) {
      o.println("  program " + f.program() + " " + f.property().cliName() + " (" + f.tasks() + " tasks, " + f.settings() + "): "
          + (f.problems().isEmpty() ? "" : f.problems().get(0)));
    }
    if (!r.counterexamples().isEmpty()) {
      o.println("counterexamples:");
    }
    for (ExploreReport.Counterexample c : r.counterexamples()) {
      String file = dir.map(d -> d.resolve(c.file()).toString()).orElse(c.file());
      o.println("  program " + c.program() + " " + c.property().cliName() + ": " + c.tasksBefore() + " -> " + c.tasks()
          + " tasks (" + c.steps() + " steps" + (c.exhausted() ? ", budget exhausted" : "") + "): ptosim replay " + file);
    }
    dir.ifPresent(d -> o.println("report:     " + d.resolve(ExploreReportJson.FILE)));
    o.flush();
  }

  private static String counts(ImmutableSortedMap<String, Long> m) {
    StringBuilder b = new StringBuilder();
    m.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v));
    return b.length() == 0 ? "none" : b.toString();
  }

  private ImmutableList<ExploreProperty> properties() {
    if (properties.contains("all")) {
      if (properties.size() > 1) {
        throw new IllegalArgumentException("'all' names every property; give it alone");
      }
      return ImmutableList.copyOf(ExploreProperty.values());
    }
    EnumSet<ExploreProperty> set = EnumSet.noneOf(ExploreProperty.class);
    for (String name : properties) {
      set.add(ExploreProperty.byName(name.trim()));
    }
    return ImmutableList.copyOf(set);
  }

  static Duration duration(String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!text.isBlank() && m.matches()) {
      long s = 0;
      s += m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 3600;
      s += m.group(2) == null ? 0 : Long.parseLong(m.group(2)) * 60;
      s += m.group(3) == null ? 0 : Long.parseLong(m.group(3));
      if (s > 0) {
        return Duration.ofSeconds(s);
      }
    }
    try {
      Duration d = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
      if (!d.isNegative() && !d.isZero()) {
        return d;
      }
    } catch (java.time.format.DateTimeParseException ignored) {
      // Reported below, with the accepted forms.
    }
    throw new UserInputException("--for " + text + ": not a duration (e.g. 90s, 10m, 1h30m, PT2M)");
  }

  private interface Parse<T> {
    T get();
  }

  private static <T> T parse(Parse<T> p, String option) {
    try {
      return p.get();
    } catch (IllegalArgumentException e) {
      throw new UserInputException(option + ": " + e.getMessage());
    }
  }
}
