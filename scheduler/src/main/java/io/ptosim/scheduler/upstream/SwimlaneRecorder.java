package io.ptosim.scheduler.upstream;

import com.google.common.collect.ImmutableList;
import io.ptosim.des.event.CoreId;
import io.ptosim.des.event.TraceEvent;
import io.ptosim.des.platform.CoreType;
import io.ptosim.des.platform.DeviceClock;
import io.ptosim.des.platform.PlatformProfile;
import io.ptosim.des.trace.TraceSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records a simulated run as chip_swimlane_records.json (level 4): one core row and one AICPU row
 * per block, from its dispatch to its completion in 50 MHz ticks, and one orchestrator phase per
 * submit. Cores are numbered as upstream's metadata lists them, AIC cores first, then AIV; each
 * core's scheduler thread is its cluster's. What the model does not time is written as such: a
 * block starts on its core at the instant it is dispatched ({@code receive_to_start_cycles} 0; a
 * block pre-loaded into a pending slot so spans its wait for the running one too),
 * a submit's phase is the instant of the submit, and the per-thread scheduler phase lists are
 * empty (the model has no scheduler loop phases).
 */
public final class SwimlaneRecorder implements TraceSink {
  private final PlatformProfile platform;
  /** Blocks dispatched and not yet done, per core: two while a pending slot holds a pre-loaded block. */
  private final Map<CoreId, List<Open>> open = new HashMap<>();
  private final Map<Integer, Long> nextReg = new HashMap<>();
  private final List<SwimlaneRecords.AicoreTask> core = new ArrayList<>();
  private final List<SwimlaneRecords.AicpuTask> cpu = new ArrayList<>();
  private final List<SwimlaneRecords.OrchestratorPhase> orch = new ArrayList<>();

  private record Open(long task, long reg, long dispatchTicks) {}

  public SwimlaneRecorder(PlatformProfile platform) {
    this.platform = platform;
  }

  private int coreIndex(CoreId c) {
    return c.type() == CoreType.AIC ? c.index() : platform.aicCores() + c.index();
  }

  @Override
  public void accept(TraceEvent event, CharSequence line) {
    if (event instanceof TraceEvent.Dispatch d) {
      int id = coreIndex(d.core());
      long reg = nextReg.merge(id, 1L, Long::sum);
      open.computeIfAbsent(d.core(), k -> new ArrayList<>(2))
          .add(new Open(UpstreamIds.fromModel(d.task()), reg, DeviceClock.ticks(d.atNs())));
    } else if (event instanceof TraceEvent.BlockDone b) {
      Open o = take(b.core(), UpstreamIds.fromModel(b.task()));
      if (o != null) {
        int id = coreIndex(b.core());
        long end = DeviceClock.ticks(b.atNs());
        core.add(new SwimlaneRecords.AicoreTask(id, o.task(), o.reg(), o.dispatchTicks(), end, 0));
        cpu.add(new SwimlaneRecords.AicpuTask(id, o.reg(), o.dispatchTicks(), end));
      }
    } else if (event instanceof TraceEvent.Submit s) {
      long t = DeviceClock.ticks(s.atNs());
      orch.add(new SwimlaneRecords.OrchestratorPhase(orch.size(), UpstreamIds.fromModel(s.task()), t, t));
    }
  }

  /** Removes and returns the oldest open block of {@code task} on {@code c}, or null. */
  private Open take(CoreId c, long task) {
    List<Open> l = open.get(c);
    if (l == null) {
      return null;
    }
    for (int i = 0; i < l.size(); i++) {
      if (l.get(i).task() == task) {
        return l.remove(i);
      }
    }
    return null;
  }

  /** The records so far (the whole run once it has finished). */
  public SwimlaneRecords records() {
    int aic = platform.aicCores();
    int total = aic + platform.aivCores();
    ImmutableList.Builder<String> types = ImmutableList.builder();
    ImmutableList.Builder<Integer> threads = ImmutableList.builder();
    for (int i = 0; i < total; i++) {
      types.add(i < aic ? "aic" : "aiv");
      int cluster = i < aic ? i : (i - aic) / Math.max(1, platform.aivCores() / aic);
      threads.add(platform.schedulerOf(cluster));
    }
    ImmutableList.Builder<ImmutableList<SwimlaneRecords.SchedulerPhase>> phases = ImmutableList.builder();
    for (int t = 0; t < platform.schedulerThreads(); t++) {
      phases.add(ImmutableList.of());
    }
    return new SwimlaneRecords(4, new SwimlaneRecords.Metadata(DeviceClock.TICK_HZ, total, types.build(), threads.build()),
        ImmutableList.copyOf(core), ImmutableList.copyOf(cpu), phases.build(), ImmutableList.of(ImmutableList.copyOf(orch)));
  }
}
