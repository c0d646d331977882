package io.ptosim.properties.explore;

import com.google.common.base.Preconditions;
import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import io.ptosim.properties.corpus.CorpusEntry;
import io.ptosim.properties.corpus.Expectation;
import io.ptosim.properties.corpus.ExpectedRun;
import io.ptosim.properties.explore.ExploreReport.Counterexample;
import io.ptosim.properties.run.Observation;
import io.ptosim.properties.run.RunSettings;
import io.ptosim.properties.run.Runs;
import io.ptosim.scheduler.fault.Fault;
import io.ptosim.scheduler.policy.StallPolicies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a campaign: the programs of a shard of the seed's stream, every property on each, on
 * {@code jobs} threads. Each program is checked on one thread by single-threaded deterministic
 * runs; results are folded on the calling thread in program order, so the report does not depend
 * on {@code jobs}. The first failures of each property are shrunk ({@link ShapeShrinker}) and
 * written as program file + {@code .expect} to the output directory.
 */
public final class Explorer {
  /**
   * Every policy, in the order counterexample files list them (as jqwik's counterexample hook
   * does; explore keeps its own copy so that it loads no jqwik class: the ptosim jar has none).
   */
  public static final ImmutableList<String> POLICIES =
      ImmutableList.of(StallPolicies.PATIENT, StallPolicies.CHECKER, StallPolicies.LEGACY, StallPolicies.SCOPE_AWARE);

  private final Campaign campaign;
  private final Shard shard;
  private final int jobs;
  private final Optional<Path> out;
  private final ExploreListener listener;
  private final CaseStream stream;

  /**
   * @param out where counterexamples go; none written when empty (their report entries still are)
   */
  public Explorer(Campaign campaign, Shard shard, int jobs, Optional<Path> out, ExploreListener listener) {
    Preconditions.checkArgument(jobs >= 1, "jobs must be at least 1: %s", jobs);
    this.campaign = Preconditions.checkNotNull(campaign, "campaign");
    this.shard = Preconditions.checkNotNull(shard, "shard");
    this.jobs = jobs;
    this.out = Preconditions.checkNotNull(out, "out");
    this.listener = Preconditions.checkNotNull(listener, "listener");
    this.stream = new CaseStream(campaign.seed(), campaign.fault(), campaign.runtime());
  }

  /** The campaign's programs of this shard. */
  public ExploreReport run() {
    return run(Optional.empty());
  }

  /**
   * Explores the shard's programs in order until {@code campaign.programs()} or, when
   * {@code budget} is given, until it runs out (then the report's campaign size is the number of
   * programs of the stream reached, and the report depends on the machine's speed).
   */
  public ExploreReport run(Optional<Duration> budget) {
    long deadline = budget.map(d -> System.nanoTime() + d.toNanos()).orElse(Long.MAX_VALUE);
    long limit = budget.isPresent() ? Long.MAX_VALUE : campaign.programs();
    long total = budget.isPresent() ? -1 : Math.max(0, (limit - shard.first() + shard.count() - 1) / shard.count());
    ReportFolder folder = new ReportFolder(campaign, shard.whole() ? Optional.empty() : Optional.of(shard));
    ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
      Thread t = new Thread(r, "ptosim-explore");
      t.setDaemon(true);
      return t;
    });
    Deque<Future<ProgramResult>> inFlight = new ArrayDeque<>();
    long next = shard.first();
    long reached = 0;
    try {
      while (true) {
        while (inFlight.size() < 4 * jobs && next < limit && (budget.isEmpty() || System.nanoTime() < deadline)) {
          long index = next;
          inFlight.add(pool.submit(() -> check(stream.at(index))));
          reached = index + 1;
          next += shard.count();
        }
        if (inFlight.isEmpty()) {
          break;
        }
        ProgramResult r = get(inFlight.removeFirst());
        for (ExploreProperty p : folder.add(r)) {
          folder.add(counterexample(r.exploreCase(), p));
        }
        listener.progress(new ExploreListener.Progress(folder.explored(), total, folder.failures(),
            folder.checkerStalls()));
      }
    } finally {
      pool.shutdownNow();
    }
    return folder.build(budget.isPresent() ? campaign.withPrograms(reached) : campaign);
  }

  private static ProgramResult get(Future<ProgramResult> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("checking a program failed: " + e.getCause(), e.getCause());
    }
  }

  /** Checks every property of the campaign on {@code c} (one thread, its own runs). */
  ProgramResult check(ExploreCase c) {
    RunCache runs = new RunCache(c.program());
    // The checker run of the program's own settings is always made: it feeds the stall counts.
    runs.get(c.settings(), StallPolicies.CHECKER);
    ImmutableMap.Builder<ExploreProperty, Optional<ImmutableList<String>>> problems = ImmutableMap.builder();
    for (ExploreProperty p : campaign.properties()) {
      problems.put(p, evaluate(p, c, runs));
    }
    ImmutableSortedMap.Builder<String, String> outcomes = ImmutableSortedMap.naturalOrder();
    ImmutableSortedMap.Builder<String, ImmutableList<String>> verdicts = ImmutableSortedMap.naturalOrder();
    for (String policy : POLICIES) {
      runs.made(c.settings(), policy).ifPresent(o -> {
        outcomes.put(policy, o.outcome());
        verdicts.put(policy, stallVerdicts(o));
      });
    }
    return new ProgramResult(c, problems.build(), outcomes.build(), verdicts.build());
  }

  private static ImmutableList<String> stallVerdicts(Observation o) {
    return o.stalls().stream().map(s -> s.verdict().orElse(ExpectedRun.NO_VERDICT)).collect(ImmutableList.toImmutableList());
  }

  /** The property on the case; an exception of the simulation (other than the monitor's) or of the check is a problem too. */
  private Optional<ImmutableList<String>> evaluate(ExploreProperty p, ExploreCase c, RunCache runs) {
    try {
      return p.problems(c, runs, campaign.fault());
    } catch (RuntimeException e) {
      return Optional.of(ImmutableList.of("the check threw " + e));
    }
  }

  private boolean fails(ExploreProperty p, ExploreCase c) {
    Optional<ImmutableList<String>> problems = evaluate(p, c, new RunCache(c.program()));
    return problems.isPresent() && !problems.get().isEmpty();
  }

  private Counterexample counterexample(ExploreCase c, ExploreProperty p) {
    listener.message("program " + c.index() + ": " + p.cliName() + " fails (" + c.program().taskCount() + " tasks); shrinking");
    ShapeShrinker.Result shrunk = new ShapeShrinker(prog -> fails(p, c.withShape(c.shape(), prog)), campaign.shrinkBudget())
        .shrink(c.shape());
    ExploreCase small = c.withShape(shrunk.shape(), shrunk.program());
    String file = fileName(c.index(), p);
    Counterexample written = new Counterexample(c.index(), p, c.program().taskCount(), small.program().taskCount(),
        shrunk.steps(), shrunk.evaluations(), shrunk.exhausted(), file);
    if (out.isPresent()) {
      write(out.get().resolve(file), small, p, written);
      listener.message("program " + c.index() + ": " + p.cliName() + " counterexample of " + small.program().taskCount()
          + " tasks (from " + c.program().taskCount() + ", " + shrunk.steps() + " steps): ptosim replay "
          + out.get().resolve(file));
    }
    return written;
  }

  /** The counterexample's program file name: {@code explore-seedS-pINDEX-PROPERTY.json}. */
  public String fileName(long index, ExploreProperty p) {
    return "explore-seed" + campaign.seed() + "-p" + index + "-" + p.cliName() + ".json";
  }

  private void write(Path file, ExploreCase small, ExploreProperty p, Counterexample c) {
    RunSettings settings = p.settings(small);
    ImmutableList.Builder<ExpectedRun> runs = ImmutableList.builder();
    for (String policy : POLICIES) {
      runs.add(ExpectedRun.of(Runs.run(small.program(), settings, policy)));
    }
    Optional<ImmutableList<String>> problems = evaluate(p, small, new RunCache(small.program()));
    String first = problems.orElse(ImmutableList.of()).stream()
        .flatMap(line -> Splitter.on('\n').trimResults().omitEmptyStrings().splitToStream(line)).limit(3)
        .reduce((a, b) -> a + " | " + b).orElse("");
    String description = "explore: " + p.cliName() + " fails on program " + c.program() + " of seed " + campaign.seed()
        + " (fault " + campaign.fault().map(Fault::cliName).orElse("none") + ", runtime " + campaign.runtime() + "), shrunk from "
        + c.tasksBefore() + " to " + c.tasks() + " tasks in " + c.steps() + " steps: " + first;
    try {
      new CorpusEntry(file, small.program(), new Expectation(description, settings, runs.build())).write();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

}
