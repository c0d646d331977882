package io.ptosim.scheduler.run;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSet;
import io.ptosim.des.kernel.RunLimits;
import io.ptosim.des.kernel.TieBreak;
import io.ptosim.des.platform.PlatformProfile;
import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.scheduler.fault.Fault;
import io.ptosim.scheduler.policy.StallPolicies;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.runtime.PublishMode;
import io.ptosim.scheduler.runtime.RingConfig;
import io.ptosim.scheduler.version.RuntimeVersion;
import io.ptosim.scheduler.version.RuntimeVersions;

/**
 * Everything one run depends on: the same config (and tie-break seed) gives a byte-identical trace.
 *
 * @param program the orchestration program
 * @param runtime the upstream runtime version modelled
 * @param platform the virtual device
 * @param policy the stall policy's name ({@link StallPolicies#names()}); by default the version's own
 * @param publishMode when MANUAL-scope tasks are published
 * @param rings window, heap and dependency pool of each ring
 * @param faults bug switches, none for a correct runtime
 * @param tieBreak same-instant order of the kernel
 * @param limits event budget and virtual-time limit
 * @param invariantMonitor whether the runtime checks its own rules and fails fast
 */
public record RunConfig(
    Program program,
    RuntimeVersion runtime,
    PlatformProfile platform,
    String policy,
    PublishMode publishMode,
    RingConfig rings,
    ImmutableSet<Fault> faults,
    TieBreak tieBreak,
    RunLimits limits,
    boolean invariantMonitor) {

  public RunConfig {
    Preconditions.checkNotNull(program, "program");
    Preconditions.checkNotNull(runtime, "runtime");
    Preconditions.checkNotNull(platform, "platform");
    KernelLookup.check(program, platform);
    runtime.orchestrator().reportFatal().check(program);
    io.ptosim.scheduler.runtime.DeferredCompletion.check(program, runtime.scheduler().asyncCompletion());
    Preconditions.checkNotNull(policy, "policy");
    Preconditions.checkArgument(StallPolicies.names().contains(policy), "unknown stall policy '%s' (known: %s)", policy,
        StallPolicies.names());
    Preconditions.checkNotNull(publishMode, "publishMode");
    Preconditions.checkNotNull(rings, "rings");
    Preconditions.checkNotNull(faults, "faults");
    Preconditions.checkNotNull(tieBreak, "tieBreak");
    Preconditions.checkNotNull(limits, "limits");
  }

  /**
   * The defaults for {@code program}: runtime {@code main-6ebaf77} with its own stall policy, platform {@code a2a3}, incremental
   * publish, upstream's ring sizes, no faults, FIFO ties, {@link RunLimits#DEFAULT}, monitor off.
   */
  public static RunConfig defaults(Program program) {
    return builder(program).build();
  }

  public static Builder builder(Program program) {
    return new Builder(program);
  }

  public Builder toBuilder() {
    return new Builder(program).runtime(runtime).platform(platform).policy(policy).publishMode(publishMode).rings(rings).faults(faults)
        .tieBreak(tieBreak).limits(limits).invariantMonitor(invariantMonitor);
  }

  public RunConfig withPolicy(String name) {
    return toBuilder().policy(name).build();
  }

  public RunConfig withTieBreak(TieBreak tie) {
    return toBuilder().tieBreak(tie).build();
  }

  /** Builds a {@link RunConfig} from the defaults. */
  public static final class Builder {
    private final Program program;
    private RuntimeVersion runtime = RuntimeVersions.main();
    private PlatformProfile platform = PlatformProfiles.a2a3();
    /** Empty until set: the version's own policy. */
    private String policy = "";
    private PublishMode publishMode = PublishMode.INCREMENTAL;
    private RingConfig rings = RingConfig.defaults();
    private ImmutableSet<Fault> faults = ImmutableSet.of();
    private TieBreak tieBreak = TieBreak.fifo();
    private RunLimits limits = RunLimits.DEFAULT;
    private boolean invariantMonitor;

    private Builder(Program program) {
      this.program = Preconditions.checkNotNull(program, "program");
    }

    public Builder runtime(RuntimeVersion value) {
      runtime = value;
      return this;
    }

    public Builder platform(PlatformProfile value) {
      platform = value;
      return this;
    }

    public Builder policy(String value) {
      policy = value;
      return this;
    }

    public Builder publishMode(PublishMode value) {
      publishMode = value;
      return this;
    }

    public Builder rings(RingConfig value) {
      rings = value;
      return this;
    }

    /** Sets every ring's window. */
    public Builder window(long value) {
      rings = rings.withWindow(value);
      return this;
    }

    /** Sets every ring's dependency pool. */
    public Builder depPool(int value) {
      rings = rings.withDepPool(value);
      return this;
    }

    public Builder faults(ImmutableSet<Fault> value) {
      faults = value;
      return this;
    }

    public Builder fault(Fault value) {
      faults = ImmutableSet.<Fault>builder().addAll(faults).add(value).build();
      return this;
    }

    public Builder tieBreak(TieBreak value) {
      tieBreak = value;
      return this;
    }

    public Builder limits(RunLimits value) {
      limits = value;
      return this;
    }

    public Builder invariantMonitor(boolean value) {
      invariantMonitor = value;
      return this;
    }

    public RunConfig build() {
      return new RunConfig(program, runtime, platform, policy.isEmpty() ? runtime.defaultPolicy() : policy, publishMode, rings, faults, tieBreak, limits, invariantMonitor);
    }
  }
}
