package io.ptosim.des.platform;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A virtual device: its shape (clusters, cores, AICPU threads) and its costs in nanoseconds.
 *
 * <p>Latencies come from upstream profiling of the real a2a3 (see docs/platforms.md); kernel
 * durations and orchestrator costs are modelling choices, documented there. Profiles are values:
 * {@link #with(String, long)} returns a copy with one field overridden (the CLI's {@code --set}).
 */
public record PlatformProfile(
    String name,
    int clusters,
    int aivPerCluster,
    int schedulerThreads,
    long pollNs,
    long dispatchNs,
    long finishNoticeNs,
    long taskSwitchNs,
    long idleLoopNs,
    long submitNs,
    long scopeOpNs,
    long spinNs,
    long defaultKernelNs,
    ImmutableSortedMap<String, Long> kernelNs) {

  /** Bounds that keep a mistyped override from exhausting memory; a2a3 has 24 clusters and 3 schedulers. */
  public static final int MAX_CLUSTERS = 1024;

  public static final int MAX_SCHEDULER_THREADS = 64;

  public PlatformProfile {
    Preconditions.checkNotNull(name, "name");
    Preconditions.checkArgument(clusters > 0 && clusters <= MAX_CLUSTERS, "clusters must be 1..%s: %s", MAX_CLUSTERS, clusters);
    Preconditions.checkArgument(aivPerCluster >= 1 && aivPerCluster <= 2, "aivPerCluster must be 1 or 2");
    Preconditions.checkArgument(schedulerThreads > 0 && schedulerThreads <= MAX_SCHEDULER_THREADS,
        "schedulerThreads must be 1..%s: %s", MAX_SCHEDULER_THREADS, schedulerThreads);
    for (long v : new long[] {pollNs, dispatchNs, finishNoticeNs, taskSwitchNs, idleLoopNs, submitNs, scopeOpNs, defaultKernelNs}) {
      Preconditions.checkArgument(v >= 0, "costs must be non-negative");
    }
    Preconditions.checkArgument(spinNs > 0, "spinNs must be positive");
    Preconditions.checkNotNull(kernelNs, "kernelNs");
  }

  public int aicCores() {
    return clusters;
  }

  public int aivCores() {
    return clusters * aivPerCluster;
  }

  /** Cluster {@code i} belongs to scheduler thread {@code i % schedulerThreads}. */
  public int schedulerOf(int cluster) {
    return cluster % schedulerThreads;
  }

  /** The duration of one block of {@code kernel}; unknown kernels take {@link #defaultKernelNs}. */
  public long kernelDurationNs(String kernel) {
    Long ns = kernelNs.get(kernel);
    return ns == null ? defaultKernelNs : ns;
  }

  /**
   * A copy with one field overridden: a field name ({@code finishNoticeNs}, {@code clusters}, ...) or
   * {@code kernel.NAME} for one kernel's duration.
   */
  public PlatformProfile with(String key, long value) {
    Preconditions.checkNotNull(key, "key");
    Fields f = new Fields(this);
    if (key.startsWith("kernel.")) {
      Preconditions.checkArgument(value >= 0, "kernel duration must be non-negative: %s", key);
      Map<String, Long> k = new TreeMap<>(kernelNs);
      k.put(key.substring("kernel.".length()), value);
      f.kernelNs = ImmutableSortedMap.copyOf(k);
      return f.build();
    }
    switch (key) {
      case "clusters": f.clusters = Math.toIntExact(value); break;
      case "aivPerCluster": f.aivPerCluster = Math.toIntExact(value); break;
      case "schedulerThreads": f.schedulerThreads = Math.toIntExact(value); break;
      case "pollNs": f.pollNs = value; break;
      case "dispatchNs": f.dispatchNs = value; break;
      case "finishNoticeNs": f.finishNoticeNs = value; break;
      case "taskSwitchNs": f.taskSwitchNs = value; break;
      case "idleLoopNs": f.idleLoopNs = value; break;
      case "submitNs": f.submitNs = value; break;
      case "scopeOpNs": f.scopeOpNs = value; break;
      case "spinNs": f.spinNs = value; break;
      case "defaultKernelNs": f.defaultKernelNs = value; break;
      default: throw new IllegalArgumentException("unknown platform field '" + key + "'");
    }
    return f.build();
  }

  /** The fields of a profile being copied with one change; the record's constructor validates the result. */
  private static final class Fields {
    String name;
    int clusters;
    int aivPerCluster;
    int schedulerThreads;
    long pollNs;
    long dispatchNs;
    long finishNoticeNs;
    long taskSwitchNs;
    long idleLoopNs;
    long submitNs;
    long scopeOpNs;
    long spinNs;
    long defaultKernelNs;
    ImmutableSortedMap<String, Long> kernelNs;

    Fields(PlatformProfile p) {
      name = p.name;
      clusters = p.clusters;
      aivPerCluster = p.aivPerCluster;
      schedulerThreads = p.schedulerThreads;
      pollNs = p.pollNs;
      dispatchNs = p.dispatchNs;
      finishNoticeNs = p.finishNoticeNs;
      taskSwitchNs = p.taskSwitchNs;
      idleLoopNs = p.idleLoopNs;
      submitNs = p.submitNs;
      scopeOpNs = p.scopeOpNs;
      spinNs = p.spinNs;
      defaultKernelNs = p.defaultKernelNs;
      kernelNs = p.kernelNs;
    }

    PlatformProfile build() {
      return new PlatformProfile(name, clusters, aivPerCluster, schedulerThreads, pollNs, dispatchNs, finishNoticeNs,
          taskSwitchNs, idleLoopNs, submitNs, scopeOpNs, spinNs, defaultKernelNs, kernelNs);
    }
  }
}
