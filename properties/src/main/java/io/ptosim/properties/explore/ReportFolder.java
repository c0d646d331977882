package io.ptosim.properties.explore;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import io.ptosim.properties.explore.ExploreReport.Counterexample;
import io.ptosim.properties.explore.ExploreReport.Failure;
import io.ptosim.properties.explore.ExploreReport.PropertyCounts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Folds program results, in program order, into an {@link ExploreReport}, and merges shard
 * reports. The lists keep the first entries of each property in program order; every shard keeps
 * its own first ones, which include the campaign's first ones, so the merge of all shards selects
 * exactly what the unsharded campaign keeps.
 */
public final class ReportFolder {
  private final Campaign campaign;
  private final Optional<Shard> shard;
  private long explored;
  private long tasks;
  private final Map<ExploreProperty, long[]> counts = new LinkedHashMap<>();
  private final Map<String, Map<String, Long>> outcomes = new TreeMap<>();
  private final Map<String, Map<String, Long>> stallVerdicts = new TreeMap<>();
  private final List<Failure> failures = new ArrayList<>();
  private final List<Counterexample> counterexamples = new ArrayList<>();
  private final Map<ExploreProperty, Integer> failed = new HashMap<>();

  public ReportFolder(Campaign campaign, Optional<Shard> shard) {
    this.campaign = Preconditions.checkNotNull(campaign, "campaign");
    this.shard = Preconditions.checkNotNull(shard, "shard");
    campaign.properties().forEach(p -> counts.put(p, new long[3]));
  }

  /**
   * Folds one program's result; returns the properties that failed on it and whose counterexample
   * this report keeps (the first {@link Campaign#counterexamples} failures of each property).
   */
  List<ExploreProperty> add(ProgramResult r) {
    explored++;
    tasks += r.exploreCase().program().taskCount();
    r.outcomes().forEach((policy, outcome) -> bump(outcomes, policy, outcome, 1));
    r.stallVerdicts().forEach((policy, verdicts) -> verdicts.forEach(v -> bump(stallVerdicts, policy, v, 1)));
    List<ExploreProperty> shrink = new ArrayList<>();
    for (ExploreProperty p : campaign.properties()) {
      Optional<ImmutableList<String>> problems = r.problems().getOrDefault(p, Optional.empty());
      long[] c = counts.get(p);
      if (problems.isEmpty()) {
        c[2]++;
        continue;
      }
      c[0]++;
      if (problems.get().isEmpty()) {
        continue;
      }
      c[1]++;
      int n = failed.merge(p, 1, Integer::sum);
      if (n <= campaign.failuresListed()) {
        failures.add(new Failure(r.exploreCase().index(), p, r.exploreCase().program().taskCount(),
            r.exploreCase().settings().describe(), problems.get().stream().limit(3).collect(ImmutableList.toImmutableList())));
      }
      if (n <= campaign.counterexamples()) {
        shrink.add(p);
      }
    }
    return shrink;
  }

  void add(Counterexample c) {
    counterexamples.add(c);
  }

  /** Programs folded so far. */
  long explored() {
    return explored;
  }

  /** Failures over all properties so far. */
  long failures() {
    return counts.values().stream().mapToLong(c -> c[1]).sum();
  }

  /** The checker's stall verdicts so far. */
  ImmutableSortedMap<String, Long> checkerStalls() {
    return ImmutableSortedMap.copyOf(stallVerdicts.getOrDefault("checker", Map.of()));
  }

  public ExploreReport build() {
    return build(campaign);
  }

  ExploreReport build(Campaign as) {
    ImmutableMap.Builder<ExploreProperty, PropertyCounts> props = ImmutableMap.builder();
    counts.forEach((p, c) -> props.put(p, new PropertyCounts(c[0], c[1], c[2])));
    return new ExploreReport(as, shard, explored, tasks, props.build(), freeze(outcomes), freeze(stallVerdicts),
        firstPerProperty(failures, Failure::program, Failure::property, as.failuresListed()),
        firstPerProperty(counterexamples, Counterexample::program, Counterexample::property, as.counterexamples()));
  }

  /**
   * The report of a whole campaign from the reports of all its shards ({@code 1/n .. n/n}, any
   * order), or a fold of whole-campaign reports of one campaign when only one is given.
   *
   * @throws IllegalArgumentException when the reports are not exactly the shards of one campaign
   */
  public static ExploreReport merge(List<ExploreReport> reports) {
    Preconditions.checkArgument(!reports.isEmpty(), "no report to merge");
    Campaign campaign = reports.get(0).campaign();
    if (reports.size() == 1 && reports.get(0).shard().isEmpty()) {
      return reports.get(0);
    }
    int n = -1;
    boolean[] seen = null;
    for (ExploreReport r : reports) {
      Preconditions.checkArgument(r.campaign().equals(campaign),
          "reports of different campaigns: %s vs %s", describe(campaign), describe(r.campaign()));
      Preconditions.checkArgument(r.shard().isPresent(), "a whole-campaign report cannot be merged with others");
      Shard s = r.shard().get();
      if (n < 0) {
        n = s.count();
        seen = new boolean[n + 1];
      }
      Preconditions.checkArgument(s.count() == n, "shard %s is not one of %s shards", s, n);
      Preconditions.checkArgument(!seen[s.index()], "shard %s given twice", s);
      seen[s.index()] = true;
    }
    for (int i = 1; i <= n; i++) {
      Preconditions.checkArgument(seen[i], "shard %s/%s is missing", i, n);
    }
    ReportFolder out = new ReportFolder(campaign, Optional.empty());
    for (ExploreReport r : reports) {
      out.explored += r.explored();
      out.tasks += r.tasks();
      r.properties().forEach((p, c) -> {
        long[] sum = out.counts.get(p);
        sum[0] += c.checked();
        sum[1] += c.failed();
        sum[2] += c.notApplicable();
      });
      r.outcomes().forEach((policy, m) -> m.forEach((k, v) -> bump(out.outcomes, policy, k, v)));
      r.stallVerdicts().forEach((policy, m) -> m.forEach((k, v) -> bump(out.stallVerdicts, policy, k, v)));
      out.failures.addAll(r.failures());
      out.counterexamples.addAll(r.counterexamples());
    }
    return out.build();
  }

  private static String describe(Campaign c) {
    return "seed " + c.seed() + ", " + c.programs() + " programs, " + c.properties().size() + " properties, fault "
        + c.fault().map(f -> f.cliName()).orElse("none") + ", runtime " + c.runtime();
  }

  private static <T> ImmutableList<T> firstPerProperty(List<T> items, Function<T, Long> program,
      Function<T, ExploreProperty> property, int limit) {
    List<T> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparing(program).thenComparing(property));
    Map<ExploreProperty, Integer> kept = new HashMap<>();
    ImmutableList.Builder<T> out = ImmutableList.builder();
    for (T item : sorted) {
      if (kept.merge(property.apply(item), 1, Integer::sum) <= limit) {
        out.add(item);
      }
    }
    return out.build();
  }

  private static void bump(Map<String, Map<String, Long>> counts, String outer, String inner, long by) {
    counts.computeIfAbsent(outer, k -> new TreeMap<>()).merge(inner, by, Long::sum);
  }

  private static ImmutableSortedMap<String, ImmutableSortedMap<String, Long>> freeze(Map<String, Map<String, Long>> m) {
    ImmutableSortedMap.Builder<String, ImmutableSortedMap<String, Long>> out = ImmutableSortedMap.naturalOrder();
    m.forEach((k, v) -> out.put(k, ImmutableSortedMap.copyOf(v)));
    return out.build();
  }
}
