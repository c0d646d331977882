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
 *   <li>{@code a2a3sim}: the host simulation platform of the seed report: the same shape and AICPU
 *       costs, but kernels run on host threads and take milliseconds, while the allocator's spin
 *       loop stays fast.
 * </ul>
 */
public final class PlatformProfiles {

  private PlatformProfiles() {}

  public static final String A2A3 = "a2a3";
  public static final String A2A3SIM = "a2a3sim";

  public static ImmutableSortedSet<String> names() {
    return ImmutableSortedSet.of(A2A3, A2A3SIM);
  }

  /** The profile called {@code name}; an unknown name is an {@link IllegalArgumentException} naming the choices. */
  public static PlatformProfile byName(String name) {
    switch (name) {
      case A2A3:
        return a2a3();
      case A2A3SIM:
        return a2a3sim();
      default:
        throw new IllegalArgumentException("unknown platform '" + name + "' (known: " + String.join(", ", names()) + ")");
    }
  }

  public static PlatformProfile a2a3() {
    return new PlatformProfile(A2A3, 24, 2, 3, 100, 140, 600, 800, 115, 400, 100, 10, 2_000,
        ImmutableSortedMap.<String, Long>naturalOrder().put("qk", 3_000L).put("sf", 2_000L).put("pv", 3_000L).put("up", 1_500L)
            .put("long", 5_000_000L).put("short", 1_000L).put("mix", 2_500L)
            // PR #482's AIV hub: the default duration it always had, now named
            .put("hub", 2_000L).build());
  }

  public static PlatformProfile a2a3sim() {
    return new PlatformProfile(A2A3SIM, 24, 2, 3, 100, 140, 600, 800, 115, 2_000, 500, 10, 1_000_000,
        ImmutableSortedMap.<String, Long>naturalOrder().put("qk", 2_000_000L).put("sf", 1_500_000L).put("pv", 2_000_000L)
            .put("up", 1_000_000L).put("long", 20_000_000L).put("short", 500_000L).put("mix", 2_500_000L)
            .put("hub", 1_000_000L).build());
  }
}
