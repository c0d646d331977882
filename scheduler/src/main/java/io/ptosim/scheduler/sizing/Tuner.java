package io.ptosim.scheduler.sizing;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.ptosim.scheduler.policy.StallPolicies;
import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.run.RunReport;
import io.ptosim.scheduler.run.Simulation;
import io.ptosim.scheduler.runtime.RingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sizes the ring resources of one program by simulating it: windows and dependency pools over every
 * power of two up to the size that holds the whole program, the heap by bisection to 1 KiB, each size
 * under the config's detector and under {@code patient}. Runs are independent simulations, spread over
 * {@code jobs} threads; each run stays single-threaded, and the answer does not depend on {@code jobs}.
 */
public final class Tuner {
  /** The largest heap a ring may have (2^48 bytes, the bound on every heap size). */
  static final long GENEROUS_HEAP = 1L << 48;
  /** The largest pool tried: upstream's entry counts are 32-bit, and no program here needs more. */
  static final long MAX_POOL = 1L << 30;

  private final RunConfig base;
  private final int jobs;
  private final TuneListener listener;
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger planned = new AtomicInteger();

  /**
   * @param base the program and config; its policy is the detector whose false aborts are measured
   * @param jobs threads running simulations, at least 1
   * @param listener told after each run
   */
  public Tuner(RunConfig base, int jobs, TuneListener listener) {
    this.base = Preconditions.checkNotNull(base, "base");
    Preconditions.checkArgument(jobs >= 1, "jobs must be at least 1: %s", jobs);
    this.jobs = jobs;
    this.listener = Preconditions.checkNotNull(listener, "listener");
  }

  /** Sizes each of {@code resources} (the others stay at the config's sizes). */
  public SizingReport tune(ImmutableSet<RingResource> resources) {
    Preconditions.checkArgument(!resources.isEmpty(), "no resource to size");
    ExecutorService pool = Executors.newFixedThreadPool(jobs, daemon("ptosim-tune"));
    // Coordinators only wait on the pool (one per resource, one more per bisection), so every
    // simulation runs on the pool's threads and --jobs bounds them exactly; the resources are sized
    // at the same time, which keeps the pool busy while one resource's bisection waits on a probe.
    ExecutorService coordinators = Executors.newCachedThreadPool(daemon("ptosim-tune-plan"));
    try {
      planned.addAndGet(2);
      List<Future<Run>> first = submitAll(pool, List.of(base, generous()));
      Run current = get(first.get(0));
      Run whole = get(first.get(1));
      ImmutableMap.Builder<RingResource, Future<ResourceSizing>> sizing = ImmutableMap.builder();
      for (RingResource r : RingResource.values()) {
        if (resources.contains(r)) {
          sizing.put(r, coordinators.submit(() -> size(pool, coordinators, r, whole)));
        }
      }
      ImmutableMap.Builder<RingResource, ResourceSizing> out = ImmutableMap.builder();
      sizing.build().forEach((r, f) -> out.put(r, get(f)));
      return new SizingReport(base.program().name(), base.program().taskCount(), base.runtime().name(), base.policy(),
          base.platform().name(), current.report.outcome(), current.report.exitCode(), current.stats, out.build());
    } finally {
      coordinators.shutdownNow();
      pool.shutdownNow();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Every resource at a size that holds the whole program, under {@code patient}. */
  private RunConfig generous() {
    RingConfig rings = base.rings().withWindow(holdAllWindow()).withHeap(GENEROUS_HEAP).withDepPool((int) MAX_POOL);
    return base.toBuilder().rings(rings).policy(StallPolicies.PATIENT).build();
  }

  /** A window in which no ring can fill: more slots than the program has tasks. */
  private long holdAllWindow() {
    return Math.max(RingResource.MIN_POWER_OF_TWO, ceilPowerOfTwo(base.program().taskCount() + 2L));
  }

  private long holdAll(RingResource r, Run whole) {
    return switch (r) {
      case WINDOW -> holdAllWindow();
      case DEP_POOL -> Math.min(MAX_POOL, Math.max(RingResource.MIN_POWER_OF_TWO,
          ceilPowerOfTwo(whole.stats.faninEntries() + base.program().taskCount() + 1)));
      case HEAP -> GENEROUS_HEAP;
    };
  }

  private ResourceSizing size(ExecutorService pool, ExecutorService coordinators, RingResource r, Run whole) {
    long current = r.current(base.rings());
    List<Trial> trials;
    if (r.powerOfTwo()) {
      trials = scan(pool, r, Math.max(holdAll(r, whole), current));
    } else {
      // The heap: bisect up to the current size; when even that fails under patient, up to a heap
      // that holds the whole program.
      trials = bisect(pool, coordinators, r, Math.max(current, RingResource.HEAP_STEP));
      if (!trials.get(trials.size() - 1).completesPatient()) {
        trials = bisect(pool, coordinators, r, holdAll(r, whole));
      }
    }
    OptionalLong minimum = minimum(trials, true);
    OptionalLong minimumPatient = minimum(trials, false);
    Optional<String> below = verdictBelow(pool, r, trials, minimum);
    boolean postpones = minimumPatient.isEmpty();
    return new ResourceSizing(r, current, minimum, minimumPatient, below, postpones, trials.get(trials.size() - 1).size(),
        ImmutableList.copyOf(trials), Recommendation.of(r, current, minimum, minimumPatient, below, postpones,
            base.runtime().name()));
  }

  /** Every power of two from 4 to {@code upTo}, each under the detector and under patient. */
  private List<Trial> scan(ExecutorService pool, RingResource r, long upTo) {
    List<Long> sizes = new ArrayList<>();
    for (long s = r.smallest(); s <= upTo; s *= 2) {
      sizes.add(s);
    }
    List<RunConfig> configs = new ArrayList<>();
    for (long s : sizes) {
      configs.add(at(r, s, base.policy()));
      configs.add(at(r, s, StallPolicies.PATIENT));
    }
    planned.addAndGet(configs.size());
    List<Future<Run>> runs = submitAll(pool, configs);
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < sizes.size(); i++) {
      trials.add(trial(sizes.get(i), get(runs.get(2 * i)), get(runs.get(2 * i + 1))));
    }
    return trials;
  }

  /**
   * The heap: the smallest multiple of 1 KiB that completes, found by bisection for the detector and
   * for patient at once (one thread each when there are two); the probes of both are the trials.
   */
  private List<Trial> bisect(ExecutorService pool, ExecutorService coordinators, RingResource r, long upTo) {
    long top = upTo / RingResource.HEAP_STEP;
    Future<long[]> detector = coordinators.submit(() -> search(pool, r, base.policy(), top));
    long[] patient = search(pool, r, StallPolicies.PATIENT, top);
    long[] det = get(detector);
    // Probe points: both thresholds, the step below each, and the top; each under both policies.
    java.util.TreeSet<Long> points = new java.util.TreeSet<>();
    for (long k : new long[] {det[0], det[0] - 1, patient[0], patient[0] - 1, top}) {
      if (k >= 1 && k <= top) {
        points.add(k * RingResource.HEAP_STEP);
      }
    }
    List<RunConfig> configs = new ArrayList<>();
    for (long s : points) {
      configs.add(at(r, s, base.policy()));
      configs.add(at(r, s, StallPolicies.PATIENT));
    }
    planned.addAndGet(configs.size());
    List<Future<Run>> runs = submitAll(pool, configs);
    List<Trial> trials = new ArrayList<>();
    int i = 0;
    for (long s : points) {
      trials.add(trial(s, get(runs.get(i)), get(runs.get(i + 1))));
      i += 2;
    }
    return trials;
  }

  /**
   * The smallest k in [1, top] (sizes k KiB) at which {@code policy} completes, assuming completion
   * is monotone in the size; {@code {top + 1}} when even the top fails.
   */
  private long[] search(ExecutorService pool, RingResource r, String policy, long top) {
    long lo = 1;
    long hi = top;
    planned.addAndGet(1);
    if (!inPool(pool, at(r, hi * RingResource.HEAP_STEP, policy)).report.completed()) {
      return new long[] {top + 1};
    }
    while (lo < hi) {
      long mid = lo + (hi - lo) / 2;
      planned.addAndGet(1);
      if (inPool(pool, at(r, mid * RingResource.HEAP_STEP, policy)).report.completed()) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return new long[] {lo};
  }

  /** Smallest tried size from which every larger tried size completes (under the detector or patient). */
  private static OptionalLong minimum(List<Trial> trials, boolean detector) {
    OptionalLong min = OptionalLong.empty();
    for (int i = trials.size() - 1; i >= 0; i--) {
      Trial t = trials.get(i);
      if (!(detector ? t.completes() : t.completesPatient())) {
        break;
      }
      min = OptionalLong.of(t.size());
    }
    return min;
  }

  /** What the stall is at the largest failing size below {@code minimum}. */
  private Optional<String> verdictBelow(ExecutorService pool, RingResource r, List<Trial> trials, OptionalLong minimum) {
    Trial below = null;
    for (Trial t : trials) {
      if (!t.completes() && (minimum.isEmpty() || t.size() < minimum.getAsLong())) {
        below = t;
      }
    }
    if (below == null) {
      return Optional.empty();
    }
    if (below.completesPatient()) {
      return Optional.of("UNRETIRED_PROGRESS");
    }
    planned.addAndGet(1);
    RunReport checker = inPool(pool, at(r, below.size(), StallPolicies.CHECKER)).report;
    return Optional.of(checker.finding().map(f -> f.verdict()).orElse(checker.outcome().name()));
  }

  private RunConfig at(RingResource r, long size, String policy) {
    return base.toBuilder().rings(r.apply(base.rings(), size)).policy(policy).build();
  }

  private Trial trial(long size, Run detector, Run patient) {
    return new Trial(size, detector.report.outcome(), detector.report.exitCode(), patient.report.outcome(), detector.stats);
  }

  private List<Future<Run>> submitAll(ExecutorService pool, List<RunConfig> configs) {
    List<Future<Run>> out = new ArrayList<>();
    for (RunConfig c : configs) {
      out.add(pool.submit(() -> run(c)));
    }
    return out;
  }

  /** One simulation on a pool thread, waited for: a coordinator never simulates itself. */
  private Run inPool(ExecutorService pool, RunConfig config) {
    return get(pool.submit(() -> run(config)));
  }

  private Run run(RunConfig config) {
    RunStats stats = new RunStats();
    RunReport report = Simulation.run(config, List.of(stats));
    listener.ran(done.incrementAndGet(), planned.get());
    return new Run(report, stats.summary());
  }

  private static <T> T get(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw rethrow(e);
    }
  }

  private static RuntimeException rethrow(ExecutionException e) {
    Throwable c = e.getCause();
    if (c instanceof RuntimeException re) {
      return re;
    }
    if (c instanceof Error err) {
      throw err;
    }
    return new IllegalStateException(c);
  }

  static long ceilPowerOfTwo(long n) {
    Preconditions.checkArgument(n >= 1 && n <= (1L << 62), "out of range: %s", n);
    return n == 1 ? 1 : Long.highestOneBit(n - 1) << 1;
  }

  private record Run(RunReport report, RunStats.Summary stats) {}

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Tuner[%s, %s, jobs=%d]", base.program().name(), base.runtime().name(), jobs);
  }
}
