package io.ptosim.scheduler.runtime;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSet;
import io.ptosim.des.platform.PlatformProfile;
import io.ptosim.scheduler.fault.Fault;
import io.ptosim.scheduler.policy.StallPolicy;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.version.RuntimeVersion;

/** Everything a {@link DeviceRuntime} is built from: the program, the runtime version, the device, and the run's settings. */
public record RuntimeSetup(
    Program program,
    RuntimeVersion version,
    PlatformProfile platform,
    StallPolicy policy,
    PublishMode publishMode,
    RingConfig rings,
    ImmutableSet<Fault> faults,
    boolean invariantMonitor) {
  public RuntimeSetup {
    Preconditions.checkNotNull(program, "program");
    Preconditions.checkNotNull(version, "version");
    Preconditions.checkNotNull(platform, "platform");
    Preconditions.checkNotNull(policy, "policy");
    Preconditions.checkNotNull(publishMode, "publishMode");
    Preconditions.checkNotNull(rings, "rings");
    Preconditions.checkNotNull(faults, "faults");
  }
}
