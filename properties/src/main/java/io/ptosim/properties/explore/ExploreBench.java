package io.ptosim.properties.explore;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.ptosim.properties.run.Runs;
import io.ptosim.scheduler.policy.StallPolicies;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Throughput of exploration (a benchmark, not a test): programs per second of the seed's stream
 * (1..60 tasks, stalling settings) simulated once each under {@code checker}, on one thread and on
 * {@code threads} threads, and of whole campaigns (every property), measured in one process so that
 * the ratio is what counts. Each figure is the median of {@code rounds} timed rounds after one
 * untimed warm-up round.
 */
public final class ExploreBench {
  /**
   * One measurement.
   *
   * @param programsPerSecond wall-clock throughput of all threads together
   * @param programsPerCpuSecond programs per second of CPU time the threads used (less sensitive to
   *     other processes on the machine; 0 when not measured)
   */
  public record Result(String what, int threads, int programs, double programsPerSecond, double programsPerCpuSecond) {}

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ExploreBench() {}

  /** Checker runs of programs {@code 0..programs-1} of seed 1 on 1 and on {@code threads} threads. */
  public static ImmutableList<Result> checkerRuns(int programs, int threads, int rounds) throws Exception {
    Preconditions.checkArgument(programs > 0 && threads > 0 && rounds > 0, "positive sizes");
    CaseStream stream = new CaseStream(1, Optional.empty(), Runtimes.DEFAULT);
    List<ExploreCase> cases = new ArrayList<>();
    for (int i = 0; i < programs; i++) {
      cases.add(stream.at(i));
    }
    ImmutableList.Builder<Result> out = ImmutableList.builder();
    for (int k : threads == 1 ? new int[] {1} : new int[] {1, threads}) {
      double[] cpu = new double[1];
      double wall = median(rounds, () -> checker(cases, k, cpu));
      out.add(new Result("checker run", k, programs, wall, programs / cpu[0]));
    }
    return out.build();
  }

  /** Whole campaigns (every property) of {@code programs} programs of seed 1, on 1 and on {@code threads} threads. */
  public static ImmutableList<Result> campaigns(int programs, int threads, int rounds) throws Exception {
    Campaign c = Campaign.of(1, programs, Optional.empty(), Runtimes.DEFAULT);
    ImmutableList.Builder<Result> out = ImmutableList.builder();
    for (int k : threads == 1 ? new int[] {1} : new int[] {1, threads}) {
      out.add(new Result("campaign, every property", k, programs, median(rounds, () -> {
        long t0 = System.nanoTime();
        new Explorer(c, Shard.WHOLE, k, Optional.empty(), ExploreListener.SILENT).run();
        return programs / ((System.nanoTime() - t0) / 1e9);
      }), 0));
    }
    return out.build();
  }

  private interface Round {
    double programsPerSecond() throws Exception;
  }

  private static double median(int rounds, Round round) throws Exception {
    round.programsPerSecond();
    double[] r = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      r[i] = round.programsPerSecond();
    }
    Arrays.sort(r);
    return r[rounds / 2];
  }

  /** Wall-clock programs/s of one round; {@code cpuSeconds[0]} gets the round's CPU seconds, summed over threads. */
  private static double checker(List<ExploreCase> cases, int threads, double[] cpuSeconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long t0 = System.nanoTime();
      List<Future<Long>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        parts.add(pool.submit(() -> {
          long cpu0 = THREADS.getCurrentThreadCpuTime();
          for (int i = first; i < cases.size(); i += threads) {
            ExploreCase c = cases.get(i);
            Runs.run(c.program(), c.settings(), StallPolicies.CHECKER);
          }
          return THREADS.getCurrentThreadCpuTime() - cpu0;
        }));
      }
      long cpu = 0;
      for (Future<Long> f : parts) {
        cpu += f.get();
      }
      cpuSeconds[0] = cpu / 1e9;
      return cases.size() / ((System.nanoTime() - t0) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }
}
