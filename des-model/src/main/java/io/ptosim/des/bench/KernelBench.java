package io.ptosim.des.bench;

import com.google.common.base.Preconditions;
import io.ptosim.des.kernel.EventLabel;
import io.ptosim.des.kernel.RunLimits;
import io.ptosim.des.kernel.SimKernel;
import io.ptosim.des.kernel.TieBreak;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Cost per event of {@link SimKernel} against a plain {@link PriorityQueue} loop on the same
 * synthetic stream: {@code pending} events are outstanding, and each fired event schedules one new
 * event a pseudo-random delay later (the hold model). Both loops draw the same delays from the same
 * seed, so they execute the same stream. Figures are medians of repeated timed rounds after warm-up,
 * reported as a ratio measured in one run.
 */
public final class KernelBench {

  private static final EventLabel LABEL = EventLabel.of("hold");

  /** One measured pair: nanoseconds per event for the plain loop and the kernel, and their ratio. */
  public record Result(int pending, long eventsPerRound, double plainNsPerEvent, double kernelNsPerEvent) {
    public double ratio() {
      return kernelNsPerEvent / plainNsPerEvent;
    }
  }

  private KernelBench() {}

  /** Measures with {@code rounds} timed rounds after {@code warmups} untimed ones. */
  public static Result measure(int pending, long eventsPerRound, int warmups, int rounds) {
    Preconditions.checkArgument(pending >= 1, "pending must be >= 1");
    Preconditions.checkArgument(rounds >= 1, "rounds must be >= 1");
    long checksum = 0;
    for (int i = 0; i < warmups; i++) {
      checksum += plainRound(pending, eventsPerRound);
      checksum += kernelRound(pending, eventsPerRound);
    }
    double[] plain = new double[rounds];
    double[] kernel = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      checksum += plainRound(pending, eventsPerRound);
      long t1 = System.nanoTime();
      checksum += kernelRound(pending, eventsPerRound);
      long t2 = System.nanoTime();
      plain[i] = (t1 - t0) / (double) eventsPerRound;
      kernel[i] = (t2 - t1) / (double) eventsPerRound;
    }
    if (checksum == 42) {
      // Keeps the JIT from discarding the rounds; never true in practice.
      System.out.print("");
    }
    return new Result(pending, eventsPerRound, median(plain), median(kernel));
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  /** A plain event: time, insertion sequence, action; the loop every DES library is compared with. */
  private record PlainEvent(long atNs, long seq, Runnable action) implements Comparable<PlainEvent> {
    @Override
    public int compareTo(PlainEvent o) {
      int c = Long.compare(atNs, o.atNs);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  static long plainRound(int pending, long events) {
    PriorityQueue<PlainEvent> queue = new PriorityQueue<>();
    SplittableRandom random = new SplittableRandom(1);
    long[] state = new long[3]; // now, seq, fired
    Runnable[] hold = new Runnable[1];
    hold[0] = () -> {
      state[2]++;
      if (state[2] + pending <= events) {
        queue.add(new PlainEvent(state[0] + 1 + random.nextInt(1000), state[1]++, hold[0]));
      }
    };
    for (int i = 0; i < pending; i++) {
      queue.add(new PlainEvent(random.nextInt(1000), state[1]++, hold[0]));
    }
    PlainEvent e;
    while ((e = queue.poll()) != null) {
      state[0] = e.atNs();
      e.action().run();
    }
    return state[2] + state[0];
  }

  static long kernelRound(int pending, long events) {
    try (SimKernel kernel = new SimKernel(TieBreak.fifo())) {
      SplittableRandom random = new SplittableRandom(1);
      long[] fired = new long[1];
      Runnable[] hold = new Runnable[1];
      hold[0] = () -> {
        fired[0]++;
        if (fired[0] + pending <= events) {
          kernel.scheduleAfter(1 + random.nextInt(1000), 0, LABEL, hold[0]);
        }
      };
      for (int i = 0; i < pending; i++) {
        kernel.scheduleAt(random.nextInt(1000), 0, LABEL, hold[0]);
      }
      kernel.run(RunLimits.DEFAULT);
      return fired[0] + kernel.now();
    }
  }
}
