package io.ptosim.properties.gen;

import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.properties.run.RunSettings;
import io.ptosim.scheduler.runtime.PublishMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries of run settings for the correct runtime (no faults, FIFO ties, invariant
 * monitor on): a platform ({@code a2a3}, {@code a2a3sim} or the what-if {@code a2a3sim-fastspin}), a publish mode, and a ring window small
 * enough that generated programs stall (4..64, mostly 4..16).
 */
public final class SettingsArbitraries {
  private SettingsArbitraries() {}

  /** Small windows: stalls are common, real deadlocks (a scope of window - 1 tasks) too. */
  public static Arbitrary<RunSettings> stalling() {
    Arbitrary<Long> window = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(4L)), Tuple.of(4, Arbitraries.just(8L)), Tuple.of(3, Arbitraries.just(16L)),
        Tuple.of(1, Arbitraries.just(32L)), Tuple.of(1, Arbitraries.just(64L)));
    return Combinators.combine(platforms(), window, publishModes()).as(RunSettings::of);
  }

  public static Arbitrary<String> platforms() {
    // a2a3sim-fastspin: the what-if timing (10 ns spin, ms kernels) under which legacy's spin budget runs out
    return Arbitraries.of(PlatformProfiles.A2A3, PlatformProfiles.A2A3SIM, PlatformProfiles.A2A3SIM_FASTSPIN);
  }

  public static Arbitrary<PublishMode> publishModes() {
    return Arbitraries.of(PublishMode.INCREMENTAL, PublishMode.DEFERRED);
  }
}
