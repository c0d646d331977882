package io.ptosim.cli.fuzz;

import io.ptosim.cli.progress.Progress;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs fuzz cases against targets: case {@code i} of a campaign mutates a seed of target
 * {@code i mod targets} with a random stream split from the campaign's seed, so a campaign is
 * reproducible case by case. Each case runs on a worker thread under a hard timeout (a hung case
 * is abandoned and counted), its wall time and allocated bytes are measured, and its outcome is
 * classified: accepted, rejected (one line, naming where), or a failure of ptosim.
 */
public final class FuzzCampaign {
  /**
   * A case that takes more CPU time than this counts as slow: a bug to fix (acceptance: none). CPU
   * time of the case's thread, not wall time: on a shared machine wall time mostly measures the
   * wait for a core (the table shows the longest wall time too).
   */
  public static final long SLOW_NANOS = 2_000_000_000L;
  /** A case still running after this is abandoned as hung. */
  public static final long HANG_SECONDS = 30;
  /** A case that allocates more than this is over the memory guard. */
  public static final long MEMORY_GUARD_BYTES = 512L << 20;

  private final List<FuzzTarget> targets;

  public FuzzCampaign(List<FuzzTarget> targets) {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("no fuzz target");
    }
    this.targets = List.copyOf(targets);
  }

  /** Runs {@code cases} cases from {@code seed}, reporting progress. */
  public Map<String, FuzzCounts> run(long cases, long seed, Progress progress) throws InterruptedException {
    Map<String, FuzzCounts> counts = new LinkedHashMap<>();
    for (FuzzTarget t : targets) {
      counts.put(t.name(), new FuzzCounts(t.name()));
    }
    SplittableRandom root = new SplittableRandom(seed);
    ExecutorService worker = newWorker();
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    try {
      for (long i = 0; i < cases; i++) {
        FuzzTarget target = targets.get((int) (i % targets.size()));
        SplittableRandom random = root.split();
        List<byte[]> seeds = target.seeds();
        byte[] input = target.mutate(seeds.get(random.nextInt(seeds.size())), seeds, random);
        FuzzCounts c = counts.get(target.name());
        Future<Result> f = worker.submit(() -> {
          long a0 = threads.getCurrentThreadAllocatedBytes();
          long c0 = threads.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          FuzzOutcome outcome;
          Throwable failure = null;
          try {
            outcome = target.read(input);
          } catch (Throwable t) {
            outcome = null;
            failure = t;
          }
          return new Result(outcome, failure, threads.getCurrentThreadCpuTime() - c0, System.nanoTime() - t0,
              threads.getCurrentThreadAllocatedBytes() - a0);
        });
        try {
          Result r = f.get(HANG_SECONDS, TimeUnit.SECONDS);
          c.record(i, input, r.outcome(), r.failure(), r.cpuNanos(), r.wallNanos(), r.allocated(), target);
        } catch (TimeoutException e) {
          f.cancel(true);
          worker.shutdownNow();
          worker = newWorker();
          c.recordHung(i, input);
        } catch (ExecutionException e) {
          c.record(i, input, null, e.getCause(), 0, 0, 0, target);
        }
        progress.update(i + 1);
      }
    } finally {
      worker.shutdownNow();
    }
    return counts;
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "ptosim-fuzz-case");
      t.setDaemon(true);
      return t;
    });
  }

  private record Result(FuzzOutcome outcome, Throwable failure, long cpuNanos, long wallNanos, long allocated) {}

  /** Renders counts as the table {@code bench fuzz} prints. */
  public static List<String> table(Map<String, FuzzCounts> counts) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(java.util.Locale.ROOT, "%-10s %8s %8s %8s %10s %9s %9s %7s %5s %6s %10s %11s %9s",
        "reader", "cases", "accepted", "rejected", "exceptions", "multiline", "unlocated", ">2s cpu", "hung", ">mem",
        "max cpu ms", "max wall ms", "max MiB"));
    for (FuzzCounts c : counts.values()) {
      lines.add(String.format(java.util.Locale.ROOT, "%-10s %8d %8d %8d %10d %9d %9d %7d %5d %6d %10.1f %11.1f %9.1f", c.target(),
          c.cases(), c.accepted(), c.rejected(), c.exceptions(), c.multiline(), c.unlocated(), c.slow(), c.hung(), c.overMemory(),
          c.maxNanos() / 1e6, c.maxWallNanos() / 1e6, c.maxAllocated() / 1048576.0));
    }
    return lines;
  }
}
