package io.ptosim.properties.run;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import io.ptosim.des.kernel.RunLimits;
import io.ptosim.des.kernel.TieBreak;
import io.ptosim.des.platform.PlatformProfile;
import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.scheduler.fault.Fault;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.runtime.PublishMode;
import io.ptosim.scheduler.runtime.RingConfig;
import io.ptosim.scheduler.version.RuntimeVersions;
import java.util.Locale;
import java.util.Map;

/**
 * Everything of a run except the program and the stall policy, as plain values (a platform by
 * name) so that a counterexample or corpus entry can store it. The properties compare policies on
 * the same settings, hence the policy is chosen per run by {@link #config}.
 *
 * @param platform a {@link PlatformProfiles} name
 * @param window every ring's task window (a power of two)
 * @param publishMode when MANUAL-scope tasks are published
 * @param faults bug switches, empty for the correct runtime
 * @param tieBreak same-instant event order
 * @param invariantMonitor whether the runtime checks its own rules and throws on a violation
 * @param maxEvents the kernel's event budget
 * @param ringWindows per-ring windows that differ from {@code window}, by ring (usually empty)
 * @param platformSet platform fields overridden with {@link PlatformProfile#with} (usually empty), e.g.
 *     {@code kernel.head -> 10000}
 * @param runtime the runtime version ({@link RuntimeVersions#names()}), by default {@value RuntimeVersions#MAIN}
 */
public record RunSettings(
    String platform,
    long window,
    PublishMode publishMode,
    ImmutableSortedSet<Fault> faults,
    TieBreak tieBreak,
    boolean invariantMonitor,
    long maxEvents,
    ImmutableSortedMap<Integer, Long> ringWindows,
    ImmutableSortedMap<String, Long> platformSet,
    String runtime) {

  /** Enough for any generated program (they have at most a few dozen tasks). */
  public static final long DEFAULT_MAX_EVENTS = 2_000_000;

  public RunSettings {
    Preconditions.checkArgument(PlatformProfiles.names().contains(platform), "unknown platform '%s'", platform);
    Preconditions.checkArgument(window >= 2 && Long.bitCount(window) == 1, "window must be a power of two: %s", window);
    Preconditions.checkNotNull(publishMode, "publishMode");
    Preconditions.checkNotNull(faults, "faults");
    Preconditions.checkNotNull(tieBreak, "tieBreak");
    Preconditions.checkArgument(maxEvents > 0, "maxEvents must be positive");
    Preconditions.checkNotNull(ringWindows, "ringWindows");
    Preconditions.checkNotNull(platformSet, "platformSet");
    Preconditions.checkArgument(RuntimeVersions.names().contains(runtime), "unknown runtime version '%s' (known: %s)", runtime,
        String.join(", ", RuntimeVersions.names()));
  }

  /** Correct runtime, FIFO ties, monitor on, default budget. */
  public static RunSettings of(String platform, long window, PublishMode publishMode) {
    return new RunSettings(platform, window, publishMode, ImmutableSortedSet.of(), TieBreak.fifo(), true, DEFAULT_MAX_EVENTS,
        ImmutableSortedMap.of(), ImmutableSortedMap.of(), RuntimeVersions.MAIN);
  }

  public RunSettings withWindow(long value) {
    return new RunSettings(platform, value, publishMode, faults, tieBreak, invariantMonitor, maxEvents, ringWindows, platformSet, runtime);
  }

  public RunSettings withPublishMode(PublishMode value) {
    return new RunSettings(platform, window, value, faults, tieBreak, invariantMonitor, maxEvents, ringWindows, platformSet, runtime);
  }

  public RunSettings withFaults(ImmutableSortedSet<Fault> value) {
    return new RunSettings(platform, window, publishMode, value, tieBreak, invariantMonitor, maxEvents, ringWindows, platformSet, runtime);
  }

  public RunSettings withTieBreak(TieBreak value) {
    return new RunSettings(platform, window, publishMode, faults, value, invariantMonitor, maxEvents, ringWindows, platformSet, runtime);
  }

  public RunSettings withInvariantMonitor(boolean value) {
    return new RunSettings(platform, window, publishMode, faults, tieBreak, value, maxEvents, ringWindows, platformSet, runtime);
  }

  public RunSettings withRingWindows(ImmutableSortedMap<Integer, Long> value) {
    return new RunSettings(platform, window, publishMode, faults, tieBreak, invariantMonitor, maxEvents, value, platformSet, runtime);
  }

  public RunSettings withPlatformSet(ImmutableSortedMap<String, Long> value) {
    return new RunSettings(platform, window, publishMode, faults, tieBreak, invariantMonitor, maxEvents, ringWindows, value, runtime);
  }

  public RunSettings withRuntime(String value) {
    return new RunSettings(platform, window, publishMode, faults, tieBreak, invariantMonitor, maxEvents, ringWindows, platformSet,
        value);
  }

  /** The platform profile with {@link #platformSet} applied. */
  public PlatformProfile profile() {
    PlatformProfile p = PlatformProfiles.byName(platform);
    for (Map.Entry<String, Long> e : platformSet.entrySet()) {
      p = p.with(e.getKey(), e.getValue());
    }
    return p;
  }

  /** Upstream's ring sizes with {@link #window} on every ring, then the {@link #ringWindows}. */
  public RingConfig rings() {
    RingConfig rings = RingConfig.defaults().withWindow(window);
    for (Map.Entry<Integer, Long> e : ringWindows.entrySet()) {
      rings = rings.withWindow(e.getKey(), e.getValue());
    }
    return rings;
  }

  /** The scheduler's run config for {@code program} under the stall policy {@code policy}. */
  public RunConfig config(Program program, String policy) {
    return RunConfig.builder(program)
        .runtime(RuntimeVersions.byName(runtime))
        .platform(profile())
        .policy(policy)
        .publishMode(publishMode)
        .rings(rings())
        .faults(faults)
        .tieBreak(tieBreak)
        .limits(RunLimits.DEFAULT.withMaxEvents(maxEvents))
        .invariantMonitor(invariantMonitor)
        .build();
  }

  /** One line for reports: {@code a2a3 window=8 deferred faults=[] fifo monitor}. */
  public String describe() {
    return platform + " window=" + window + " " + publishMode.name().toLowerCase(Locale.ROOT) + " faults="
        + faults.stream().map(Fault::cliName).toList() + " " + TieBreaks.text(tieBreak) + (invariantMonitor ? " monitor" : "")
        + (ringWindows.isEmpty() ? "" : " ring_windows=" + ringWindows) + (platformSet.isEmpty() ? "" : " set=" + platformSet) + (runtime.equals(RuntimeVersions.MAIN) ? "" : " runtime=" + runtime);
  }
}
