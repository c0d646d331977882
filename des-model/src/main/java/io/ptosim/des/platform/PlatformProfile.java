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
    long hostShareNs,
    ImmutableSortedMap<String, Long> kernelNs) {

  /** Bounds that keep a mistyped override from exhausting memory; a2a3 has 24 clusters and 3 schedulers. */
  public static final int MAX_CLUSTERS = 1024;

  public static final int MAX_SCHEDULER_THREADS = 64;

  /**
   * The largest cost or kernel duration, 10^12 ns (1000 s of virtual time; upstream's slowest
   * recorded holder took 1.3 s). Bounded so that no sum of costs inside a run's time limit can
   * overflow a {@code long} of nanoseconds.
   */
  public static final long MAX_COST_NS = 1_000_000_000_000L;

  /** The longest kernel name (upstream's kernel names are short identifiers). */
  public static final int MAX_KERNEL_NAME = 64;

  /** The fields {@link #with(String, long)} knows, besides {@code kernel.NAME}. */
  public static final com.google.common.collect.ImmutableList<String> FIELDS = com.google.common.collect.ImmutableList.of(
      "clusters", "aivPerCluster", "schedulerThreads", "pollNs", "dispatchNs", "finishNoticeNs", "taskSwitchNs",
      "idleLoopNs", "submitNs", "scopeOpNs", "spinNs", "defaultKernelNs", "hostShareNs");

  public PlatformProfile {
    Preconditions.checkNotNull(name, "name");
    Preconditions.checkArgument(clusters > 0 && clusters <= MAX_CLUSTERS, "clusters must be 1..%s: %s", MAX_CLUSTERS, clusters);
    Preconditions.checkArgument(aivPerCluster >= 1 && aivPerCluster <= 2, "aivPerCluster must be 1 or 2");
    Preconditions.checkArgument(schedulerThreads > 0 && schedulerThreads <= MAX_SCHEDULER_THREADS,
        "schedulerThreads must be 1..%s: %s", MAX_SCHEDULER_THREADS, schedulerThreads);
    cost("pollNs", pollNs, 0);
    cost("dispatchNs", dispatchNs, 0);
    cost("finishNoticeNs", finishNoticeNs, 0);
    cost("taskSwitchNs", taskSwitchNs, 0);
    cost("idleLoopNs", idleLoopNs, 0);
    cost("submitNs", submitNs, 0);
    cost("scopeOpNs", scopeOpNs, 0);
    cost("defaultKernelNs", defaultKernelNs, 0);
    cost("spinNs", spinNs, 1);
    cost("hostShareNs", hostShareNs, 0);
    Preconditions.checkNotNull(kernelNs, "kernelNs");
    kernelNs.forEach((k, v) -> {
      checkKernelName(k);
      cost("kernel." + k, v, 0);
    });
  }

  private static void cost(String field, long value, long min) {
    Preconditions.checkArgument(value >= min && value <= MAX_COST_NS, "%s must be %s..%s ns: %s", field, min, MAX_COST_NS, value);
  }

  /** A kernel name: 1..64 letters, digits, '_', '-' or '.'. */
  public static void checkKernelName(String kernel) {
    Preconditions.checkArgument(kernel.length() >= 1 && kernel.length() <= MAX_KERNEL_NAME
            && kernel.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '-' || c == '.'),
        "a kernel name is 1..%s letters, digits, '_', '-' or '.': '%s'", MAX_KERNEL_NAME,
        kernel.length() > MAX_KERNEL_NAME ? kernel.substring(0, MAX_KERNEL_NAME) + "..." : kernel);
  }

  /** Whether this profile names {@code kernel} (a built-in kernel or one defined by an override). */
  public boolean knowsKernel(String kernel) {
    return kernelNs.containsKey(kernel);
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
      Map<String, Long> k = new TreeMap<>(kernelNs);
      k.put(key.substring("kernel.".length()), value);
      f.kernelNs = ImmutableSortedMap.copyOf(k);
      return f.build();
    }
    switch (key) {
      case "clusters": f.clusters = small(key, value); break;
      case "aivPerCluster": f.aivPerCluster = small(key, value); break;
      case "schedulerThreads": f.schedulerThreads = small(key, value); break;
      case "pollNs": f.pollNs = value; break;
      case "dispatchNs": f.dispatchNs = value; break;
      case "finishNoticeNs": f.finishNoticeNs = value; break;
      case "taskSwitchNs": f.taskSwitchNs = value; break;
      case "idleLoopNs": f.idleLoopNs = value; break;
      case "submitNs": f.submitNs = value; break;
      case "scopeOpNs": f.scopeOpNs = value; break;
      case "spinNs": f.spinNs = value; break;
      case "defaultKernelNs": f.defaultKernelNs = value; break;
      case "hostShareNs": f.hostShareNs = value; break;
      default: throw new IllegalArgumentException("unknown platform field '" + key + "' (known: " + String.join(", ", FIELDS)
          + ", kernel.NAME)");
    }
    return f.build();
  }

  /** A shape field's value; out of int range is reported like any other out-of-range value. */
  private static int small(String key, long value) {
    Preconditions.checkArgument(value >= 0 && value <= Integer.MAX_VALUE, "%s out of range: %s", key, value);
    return (int) value;
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
    long hostShareNs;
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
      hostShareNs = p.hostShareNs;
      kernelNs = p.kernelNs;
    }

    PlatformProfile build() {
      return new PlatformProfile(name, clusters, aivPerCluster, schedulerThreads, pollNs, dispatchNs, finishNoticeNs,
          taskSwitchNs, idleLoopNs, submitNs, scopeOpNs, spinNs, defaultKernelNs, hostShareNs, kernelNs);
    }
  }
}
