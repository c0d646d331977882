package io.ptosim.properties.explore;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.properties.gen.ProgramArbitraries;
import io.ptosim.properties.gen.ProgramRenderer;
import io.ptosim.properties.gen.ProgramShape;
import io.ptosim.properties.run.RunSettings;
import io.ptosim.scheduler.fault.Fault;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.runtime.PublishMode;
import io.ptosim.scheduler.version.RuntimeVersions;
import io.ptosim.scheduler.version.orch.ScopeRules;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The stream of programs of one seed: {@link #at(long)} depends only on the seed, the index and the
 * campaign's fault and runtime, never on which thread or shard asks, so {@code --jobs} and
 * {@code --shard} see the same programs. Every fourth program carries the fault-probing scope.
 *
 * <p>Shapes contain only scopes the runtime version lets open ({@link ShapeSampler}).
 *
 * <p>Settings are drawn as {@code SettingsArbitraries.stalling()} does: platform a2a3 / a2a3sim,
 * publish incremental / deferred, window 4/8/16/32/64 with weights 3/4/3/1/1; FIFO ties, monitor on.
 */
public final class CaseStream {
  private static final long[] WINDOWS = {4, 4, 4, 8, 8, 8, 8, 16, 16, 16, 32, 64};
  private static final ImmutableList<String> PLATFORMS = ImmutableList.of(PlatformProfiles.A2A3, PlatformProfiles.A2A3SIM);
  /** Shapes without a task are drawn again; a bound keeps even a broken sampler from spinning. */
  private static final int MAX_DRAWS = 64;

  private final long seed;
  private final Optional<Fault> fault;
  private final String runtime;
  private final ScopeRules scopes;

  public CaseStream(long seed, Optional<Fault> fault, String runtime) {
    this.seed = seed;
    this.fault = Preconditions.checkNotNull(fault, "fault");
    this.runtime = Runtimes.check(runtime);
    this.scopes = RuntimeVersions.byName(runtime).orchestrator().scopes();
  }

  /** Program {@code index} of this stream. */
  public ExploreCase at(long index) {
    Preconditions.checkArgument(index >= 0, "index must be non-negative: %s", index);
    SplittableRandom random = new SplittableRandom(programSeed(seed, index));
    ShapeSampler sampler = new ShapeSampler(random, scopes);
    boolean probing = index % 4 == 3;
    for (int draw = 0; draw < MAX_DRAWS; draw++) {
      ProgramShape shape = probing ? sampler.faultProbingShape() : sampler.shape();
      Program program = render(shape);
      if (program.taskCount() > 0) {
        RunSettings settings = RunSettings.of(PLATFORMS.get(random.nextInt(2)), WINDOWS[random.nextInt(WINDOWS.length)],
            random.nextBoolean() ? PublishMode.INCREMENTAL : PublishMode.DEFERRED);
        if (fault.isPresent()) {
          settings = settings.withFaults(ImmutableSortedSet.of(fault.get()));
        }
        settings = Runtimes.apply(settings, runtime);
        String policy = Explorer.POLICIES.get(random.nextInt(Explorer.POLICIES.size()));
        return new ExploreCase(index, shape, program, settings, random.nextLong(), policy, probing);
      }
    }
    throw new IllegalStateException("no program with a task in " + MAX_DRAWS + " draws (seed " + seed + ", index " + index + ")");
  }

  /** The shape's program, named as every generated program. */
  static Program render(ProgramShape shape) {
    return ProgramRenderer.render("generated", shape, ProgramArbitraries.MAX_TASKS);
  }

  /** A well-mixed per-program seed (SplitMix64's finalizer over seed and index). */
  static long programSeed(long seed, long index) {
    return mix(mix(seed) + index * 0x9E3779B97F4A7C15L);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
