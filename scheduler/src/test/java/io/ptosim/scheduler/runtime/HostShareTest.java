package io.ptosim.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.des.event.TraceEvent;
import io.ptosim.des.kernel.RunLimits;
import io.ptosim.des.kernel.SimKernel;
import io.ptosim.des.platform.PlatformProfile;
import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.des.trace.MemoryTrace;
import io.ptosim.des.trace.TraceRecorder;
import io.ptosim.scheduler.policy.StallPolicies;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.TensorArg;
import io.ptosim.scheduler.version.RuntimeVersions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The orchestrator's host share: on a host that simulates the cores, a submit costs {@code submitNs}
 * plus {@code hostShareNs} per core computing a kernel when it starts; with no share (a device) it
 * costs {@code submitNs} whatever the cores do.
 */
class HostShareTest {
  private static final int AIC = 0b001;
  private static final int AIV0 = 0b010;

  /** One long AIC task, then independent AIV tasks submitted while (after its dispatch) it computes. */
  private static Program longThenShort(int shorts) {
    ProgramBuilder pb = ProgramBuilder.named("long-then-short");
    pb.submit("long", AIC, 1, TensorArg.output(1L << 20, 256));
    for (int i = 0; i < shorts; i++) {
      pb.submit("short", AIV0, 1, TensorArg.output((2L + i) << 20, 256));
    }
    return pb.build();
  }

  /** The gaps between consecutive submits of a run of {@code program} on {@code platform}. */
  private static List<Long> submitGaps(Program program, PlatformProfile platform) {
    MemoryTrace trace = new MemoryTrace();
    try (SimKernel kernel = new SimKernel()) {
      RuntimeSetup setup = new RuntimeSetup(program, RuntimeVersions.main(), platform, StallPolicies.byName("patient"),
          PublishMode.INCREMENTAL, RingConfig.defaults(), com.google.common.collect.ImmutableSet.of(), false);
      DeviceRuntime rt = DeviceRuntime.create(setup, kernel, new TraceRecorder(List.of(trace)));
      rt.start();
      kernel.run(RunLimits.DEFAULT);
    }
    List<Long> at = trace.events(TraceEvent.Submit.class).stream().map(TraceEvent.Submit::atNs).toList();
    return java.util.stream.IntStream.range(1, at.size()).mapToObj(i -> at.get(i) - at.get(i - 1)).toList();
  }

  @Test
  void aSubmitWhileACoreComputesCostsTheShareMore() {
    // one cluster, so the AIV tasks wait: only the long AIC kernel computes while they are submitted
    PlatformProfile device = PlatformProfiles.a2a3().with("clusters", 1).with("aivPerCluster", 1)
        .with("schedulerThreads", 1).with("kernel.short", 10_000_000L);
    assertThat(device.hostShareNs()).isZero();
    PlatformProfile host = device.with("hostShareNs", 50_000);
    List<Long> plain = submitGaps(longThenShort(200), device);
    List<Long> shared = submitGaps(longThenShort(200), host);
    assertThat(plain).containsOnly(device.submitNs());
    // before the first kernel computes (dispatch latency) submits cost submitNs; after, one core computes
    assertThat(shared).contains(device.submitNs(), device.submitNs() + 50_000);
    assertThat(shared).allMatch(g -> g == device.submitNs() || g == device.submitNs() + 50_000
        || g == device.submitNs() + 2 * 50_000);
    assertThat(shared.get(shared.size() - 1)).isGreaterThan(device.submitNs());
  }
}
