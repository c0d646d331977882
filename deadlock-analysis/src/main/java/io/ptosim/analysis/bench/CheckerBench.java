package io.ptosim.analysis.bench;

import io.ptosim.analysis.StallChecker;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.synthetic.SyntheticSnapshots;
import io.ptosim.analysis.verdict.VerdictKind;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Benchmark, not a test: times {@code new StallChecker(snapshot).verdict()} on synthetic chain
 * snapshots of 16,384 / 32,768 / 65,536 live tasks with edges in reverse order, after warm-up,
 * and prints the median and the ratio time(65,536) / time(16,384) (target: under 50 ms at 32,768
 * and a ratio of at most 4.5, i.e. linear). Run with
 * {@code PTOSIM_JAVA_OPTS='-Xms2g -XX:+AlwaysPreTouch' ./ptosim bench checker}:
 * without a pre-touched heap, first-touch page faults of the growing heap dominate at 65,536.
 */
public final class CheckerBench {
  private static final int[] SIZES = {16_384, 32_768, 65_536};

  private CheckerBench() {}

  /** Runs the benchmark; the optional argument is the number of timed runs per size. */
  public static void main(String[] args) {
    run(args.length > 0 ? Integer.parseInt(args[0]) : 31, new PrintWriter(System.out, true));
  }

  /** Runs all three snapshot families, printing to {@code out} (the CLI's {@code bench checker}). */
  public static void run(int runs, PrintWriter out) {
    bench("chain, edges (UNRETIRED_PROGRESS)", n -> SyntheticSnapshots.chain(n, true),
        VerdictKind.UNRETIRED_PROGRESS, runs, out);
    bench("chain, counters only (UNRETIRED_PROGRESS)", n -> SyntheticSnapshots.chain(n, false),
        VerdictKind.UNRETIRED_PROGRESS, runs, out);
    bench("scope cycle, edges (REAL_DEADLOCK)", n -> SyntheticSnapshots.scopeCycle(n, true),
        VerdictKind.REAL_DEADLOCK, runs, out);
  }

  private static void bench(String name, IntFunction<Snapshot> snapshots, VerdictKind expected, int runs, PrintWriter out) {
    out.println(name);
    double[] medians = new double[SIZES.length];
    Snapshot[] built = new Snapshot[SIZES.length];
    for (int s = 0; s < SIZES.length; s++) {
      built[s] = snapshots.apply(SIZES[s]);
    }
    // Warm every size up before timing any, so the JIT does not favour the later sizes.
    for (int w = 0; w < 20; w++) {
      for (Snapshot snapshot : built) {
        check(snapshot, expected);
      }
    }
    // Sizes take turns, so that background load hits all of them alike.
    long[][] times = new long[SIZES.length][runs];
    for (int r = 0; r < runs; r++) {
      for (int s = 0; s < SIZES.length; s++) {
        long start = System.nanoTime();
        check(built[s], expected);
        times[s][r] = System.nanoTime() - start;
      }
    }
    for (int s = 0; s < SIZES.length; s++) {
      Arrays.sort(times[s]);
      medians[s] = times[s][runs / 2] / 1e6;
      out.printf(Locale.ROOT, "  %,7d live tasks: median %7.2f ms (min %.2f, max %.2f, %d runs)%n",
          SIZES[s], medians[s], times[s][0] / 1e6, times[s][runs - 1] / 1e6, runs);
    }
    out.printf(Locale.ROOT, "  ratio time(65,536) / time(16,384) = %.2f%n",
        medians[SIZES.length - 1] / medians[0]);
  }

  private static void check(Snapshot snapshot, VerdictKind expected) {
    VerdictKind kind = new StallChecker(snapshot).verdict().kind();
    if (kind != expected) {
      throw new AssertionError("expected " + expected + " but got " + kind);
    }
  }
}
