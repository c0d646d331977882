package io.ptosim.analysis.bench;

import static com.google.common.base.Preconditions.checkArgument;

import io.ptosim.analysis.exhaustive.AgreementTally;
import io.ptosim.analysis.exhaustive.ExhaustiveSearch;
import io.ptosim.analysis.exhaustive.OracleComparison;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.synthetic.ConsistentSnapshots;
import io.ptosim.analysis.synthetic.SyntheticSnapshots;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Random;

/**
 * Benchmark and campaign, not a test: the checker against the exhaustive search on {@code n}
 * random rule-consistent small snapshots ({@link ConsistentSnapshots}, seeds drawn from one
 * {@link Random}); skipped snapshots (invariant violations, no edges) do not count towards
 * {@code n}. Prints agreements, disagreements by class, skips, the search's states per second, and
 * the largest {@link SyntheticSnapshots#wideFanout} snapshot the search settles within 10 s.
 */
public final class ExhaustiveBench {
  /** The time limit for "settled". */
  public static final long SETTLE_NANOS = 10_000_000_000L;

  private ExhaustiveBench() {}

  /** What a campaign found. */
  public record Campaign(AgreementTally tally, long drawn, long nanos, long cpuNanos) {}

  /**
   * Compares on snapshots drawn from {@code seed} until {@code n} were compared (or {@code 10 n}
   * drawn), reporting progress on {@code progress} every 1,000.
   */
  public static Campaign campaign(int n, long seed, PrintWriter progress) {
    checkArgument(n >= 1, "n %s < 1", n);
    AgreementTally tally = new AgreementTally();
    Random seeds = new Random(seed);
    long drawn = 0;
    long start = System.nanoTime();
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long cpuStart = cpu.getCurrentThreadCpuTime();
    while (tally.agreements() + tally.disagreements() < n && drawn < 10L * n) {
      Snapshot snapshot = ConsistentSnapshots.model(seeds.nextLong()).snapshot();
      drawn++;
      tally.add(new OracleComparison(snapshot, ExhaustiveSearch.Options.answerOnly()));
      if (drawn % 1000 == 0) {
        progress.println("bench exhaustive: " + drawn + " drawn, " + tally.summary());
        progress.flush();
      }
    }
    return new Campaign(tally, drawn, System.nanoTime() - start, cpu.getCurrentThreadCpuTime() - cpuStart);
  }

  /** Runs the campaign and the scaling family, printing to {@code out}. */
  public static void run(int n, long seed, PrintWriter out, PrintWriter progress) {
    Campaign c = campaign(n, seed, progress);
    AgreementTally t = c.tally();
    out.println("checker vs exhaustive search, " + c.drawn() + " consistent snapshots drawn (seed " + seed + "):");
    out.println("  agreements     " + t.agreements() + " " + t.agreedVerdicts());
    out.println("  disagreements  " + t.disagreements() + (t.disagreements() == 0 ? "" : " " + t.disagreementClasses()));
    out.println("  skipped        " + (t.skippedInvariant() + t.skippedRefused()) + " (" + t.skippedInvariant()
        + " invariant violations, " + t.skippedRefused() + " refused: no edges)");
    out.println(String.format(Locale.ROOT,
        "  states         %d in %.2f s CPU, %.2f s wall (checker and generator included): %.0f states per CPU second",
        t.states(), c.cpuNanos() / 1e9, c.nanos() / 1e9, t.states() / (c.cpuNanos() / 1e9)));
    out.println("largest wide-fanout snapshot settled in 10 s (head + k READY consumers of 3 blocks, reduced search):");
    out.println("  (settled = within 10 s of this thread's CPU time; wall time shows the machine's load)");
    out.println("      k   tasks      states   cpu ms  wall ms  states/cpu-s  answer");
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (int k = 2; ; k++) {
      Snapshot snapshot = SyntheticSnapshots.wideFanout(k, 3);
      long begin = System.nanoTime();
      long cpuBegin = cpu.getCurrentThreadCpuTime();
      ExhaustiveSearch search;
      try {
        search = new ExhaustiveSearch(snapshot, new ExhaustiveSearch.Options(k + 1, 0));
      } catch (IllegalArgumentException beyond) {
        out.println(String.format(Locale.ROOT, "  %5d  %6d  beyond the search: %s", k, k + 1, beyond.getMessage()));
        break;
      }
      long nanos = System.nanoTime() - begin;
      long cpuNanos = Math.max(1, cpu.getCurrentThreadCpuTime() - cpuBegin);
      out.println(String.format(Locale.ROOT, "  %5d  %6d  %10d  %7d  %7d  %12.0f  %s", k, k + 1, search.statesExplored(),
          cpuNanos / 1_000_000, nanos / 1_000_000, search.statesExplored() / (cpuNanos / 1e9), search.retirement()));
      if (cpuNanos > SETTLE_NANOS) {
        out.println("  (over 10 s: the largest settled is k = " + (k - 1) + ")");
        break;
      }
    }
  }
}
