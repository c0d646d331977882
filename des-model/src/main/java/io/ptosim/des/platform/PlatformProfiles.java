package io.ptosim.des.platform;

import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;

/**
 * The built-in platform profiles, chosen by name.
 *
 * <ul>
 *   <li>{@code a2a3}: the hardware. 24 clusters of 1 AIC + 2 AIV, 3 scheduler threads; latencies of
 *       upstream profiling (poll 100 ns, dispatch visible 140 ns, finish noticed 600 ns, task switch
 *       800 ns, idle loop 115 ns); kernels of a few microseconds; the scenario kernel {@code long}
 *       (5 ms) stands for a slow head like the 1.3 s holder of upstream #1468.
 *   <li>{@code a2a3sim}: upstream's host simulation platform as the corpus ran it (8 clusters, 3
 *       scheduler threads), every cost the median of the corpus's swimlane records: kernels and
 *       AICPU threads share a loaded 2-core host, so dispatch and finish take milliseconds, and one
 *       spin (pause + sched_yield) costs as much as one idle scheduler iteration.
 *   <li>{@code a2a3sim-fastspin}: a what-if, a2a3sim as ptosim assumed it before the calibration:
 *       24 clusters, a2a3's AICPU costs, kernels of 1-2 ms and a 10 ns allocator spin. It is the
 *       platform timing under which the 100,000-spin heuristic alone runs out while real work is
 *       in flight (1 ms of spinning); no real run had that timing.
 * </ul>
 */
public final class PlatformProfiles {

  private PlatformProfiles() {}

  public static final String A2A3 = "a2a3";
  public static final String A2A3SIM = "a2a3sim";
  public static final String A2A3SIM_FASTSPIN = "a2a3sim-fastspin";

  public static ImmutableSortedSet<String> names() {
    return ImmutableSortedSet.of(A2A3, A2A3SIM, A2A3SIM_FASTSPIN);
  }

  /** The profile called {@code name}; an unknown name is an {@link IllegalArgumentException} naming the choices. */
  public static PlatformProfile byName(String name) {
    switch (name) {
      case A2A3:
        return a2a3();
      case A2A3SIM:
        return a2a3sim();
      case A2A3SIM_FASTSPIN:
        return a2a3simFastSpin();
      default:
        throw new IllegalArgumentException("unknown platform '" + name + "' (known: " + String.join(", ", names()) + ")");
    }
  }

  public static PlatformProfile a2a3() {
    return new PlatformProfile(A2A3, 24, 2, 3, 100, 140, 600, 800, 115, 400, 100, 10, 2_000, 0,
        ImmutableSortedMap.<String, Long>naturalOrder().put("qk", 3_000L).put("sf", 2_000L).put("pv", 3_000L).put("up", 1_500L)
            .put("long", 5_000_000L).put("short", 1_000L).put("mix", 2_500L)
            // PR #482's AIV hub: the default duration it always had, now named
            .put("hub", 2_000L)
            // a deferred-completion waiter (#2260) registers its condition and returns: a short kernel
            .put("defer_wait", 1_000L).build());
  }

  /**
   * a2a3sim's orchestrator shares the host's cores with every simulated AICore thread that runs a
   * kernel: the corpus's submissions (before a ring blocks) took this much longer per submit per
   * running kernel (pooled over the runs whose orchestration overlapped kernels; docs/platforms.md).
   */
  public static final long HOST_SHARE_NS = 27_000;

  public static PlatformProfile a2a3sim() {
    // medians of the upstream corpus's swimlane records (scheduler A2a3simCalibrationTest, docs/platforms.md):
    // host-simulated times on a loaded 2-core host. Only scopeOpNs and the scenario kernels are choices.
    long idleLoop = 2_057_000;
    return new PlatformProfile(A2A3SIM, 8, 2, 3, 6_000, 7_997_000, 3_568_000, 0, idleLoop, 2_000, 500, idleLoop, 917_000,
        HOST_SHARE_NS,
        ImmutableSortedMap.<String, Long>naturalOrder().put("qk", 27_031_000L).put("sf", 304_000L)
            .put("pv", 28_004_000L).put("up", 51_000L).put("long", 20_000_000L).put("short", 500_000L)
            .put("mix", 2_500_000L)
            // PR #482's AIV hub: the default duration it always had, now named
            .put("hub", 917_000L)
            // a deferred-completion waiter (#2260) registers its condition and returns: a short kernel
            .put("defer_wait", 500_000L).build());
  }

  /** The what-if {@code a2a3sim-fastspin}: the pre-calibration a2a3sim timing, with a 10 ns spin. */
  public static PlatformProfile a2a3simFastSpin() {
    return new PlatformProfile(A2A3SIM_FASTSPIN, 24, 2, 3, 100, 140, 600, 800, 115, 2_000, 500, 10, 1_000_000, 0,
        ImmutableSortedMap.<String, Long>naturalOrder().put("qk", 2_000_000L).put("sf", 1_500_000L)
            .put("pv", 2_000_000L).put("up", 1_000_000L).put("long", 20_000_000L).put("short", 500_000L)
            .put("mix", 2_500_000L).put("hub", 1_000_000L).put("defer_wait", 500_000L).build());
  }
}
