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

  public PlatformProfile {
    Preconditions.checkNotNull(name, "name");
    Preconditions.checkArgument(clusters > 0, "clusters must be positive");
    Preconditions.checkArgument(aivPerCluster >= 1 && aivPerCluster <= 2, "aivPerCluster must be 1 or 2");
    Preconditions.checkArgument(schedulerThreads > 0, "schedulerThreads must be positive");
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
    if (key.startsWith("kernel.")) {
      Preconditions.checkArgument(value >= 0, "kernel duration must be non-negative: %s", key);
      Map<String, Long> k = new TreeMap<>(kernelNs);
      k.put(key.substring("kernel.".length()), value);
      return new PlatformProfile(name, clusters, aivPerCluster, schedulerThreads, pollNs, dispatchNs,
          finishNoticeNs, taskSwitchNs, idleLoopNs, submitNs, scopeOpNs, spinNs, defaultKernelNs,
          ImmutableSortedMap.copyOf(k));
    }
    int i = Math.toIntExact(value);
    switch (key) {
      case "clusters": return new PlatformProfile(name, i, aivPerCluster, schedulerThreads, pollNs, dispatchNs, finishNoticeNs, taskSwitchNs, idleLoopNs, submitNs, scopeOpNs, spinNs, defaultKernelNs, kernelNs);
      case "aivPerCluster": return new PlatformProfile(name, clusters, i, schedulerThreads, pollNs, dispatchNs, finishNoticeNs, taskSwitchNs, idleLoopNs, submitNs, scopeOpNs, spinNs, defaultKernelNs, kernelNs);
      case "schedulerThreads": return new PlatformProfile(name, clusters, aivPerCluster, i, pollNs, dispatchNs, finishNoticeNs, taskSwitchNs, idleLoopNs, submitNs, scopeOpNs, spinNs, defaultKernelNs, kernelNs);
      case "pollNs": return new PlatformProfile(name, clusters, aivPerCluster, schedulerThreads, value, dispatchNs, finishNoticeNs, taskSwitchNs, idleLoopNs, submitNs, scopeOpNs, spinNs, defaultKernelNs, kernelNs);
      case "dispatchNs": return new PlatformProfile(name, clusters, aivPerCluster, schedulerThreads, pollNs, value, finishNoticeNs, taskSwitchNs, idleLoopNs, submitNs, scopeOpNs, spinNs, defaultKernelNs, kernelNs);
      case "finishNoticeNs": return new PlatformProfile(name, clusters, aivPerCluster, schedulerThreads, pollNs, dispatchNs, value, taskSwitchNs, idleLoopNs, submitNs, scopeOpNs, spinNs, defaultKernelNs, kernelNs);
      case "taskSwitchNs": return new PlatformProfile(name, clusters, aivPerCluster, schedulerThreads, pollNs, dispatchNs, finishNoticeNs, value, idleLoopNs, submitNs, scopeOpNs, spinNs, defaultKernelNs, kernelNs);
      case "idleLoopNs": return new PlatformProfile(name, clusters, aivPerCluster, schedulerThreads, pollNs, dispatchNs, finishNoticeNs, taskSwitchNs, value, submitNs, scopeOpNs, spinNs, defaultKernelNs, kernelNs);
      case "submitNs": return new PlatformProfile(name, clusters, aivPerCluster, schedulerThreads, pollNs, dispatchNs, finishNoticeNs, taskSwitchNs, idleLoopNs, value, scopeOpNs, spinNs, defaultKernelNs, kernelNs);
      case "scopeOpNs": return new PlatformProfile(name, clusters, aivPerCluster, schedulerThreads, pollNs, dispatchNs, finishNoticeNs, taskSwitchNs, idleLoopNs, submitNs, value, spinNs, defaultKernelNs, kernelNs);
      case "spinNs": return new PlatformProfile(name, clusters, aivPerCluster, schedulerThreads, pollNs, dispatchNs, finishNoticeNs, taskSwitchNs, idleLoopNs, submitNs, scopeOpNs, value, defaultKernelNs, kernelNs);
      case "defaultKernelNs": return new PlatformProfile(name, clusters, aivPerCluster, schedulerThreads, pollNs, dispatchNs, finishNoticeNs, taskSwitchNs, idleLoopNs, submitNs, scopeOpNs, spinNs, value, kernelNs);
      default: throw new IllegalArgumentException("unknown platform field '" + key + "'");
    }
  }
}
