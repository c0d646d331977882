package io.ptosim.scheduler.workload;

import com.google.common.base.Preconditions;
import java.util.Locale;

/**
 * What a workload is asked for: the case (paged attention), the dependency mode, a size {@code n}
 * (0 = the workload's default) and the ring task window the run will use, as a hint for workloads
 * that must fill or overflow it.
 */
public record WorkloadParams(String caseName, Mode mode, int n, int window) {
  /** Upstream's default ring task window (PTO2_TASK_WINDOW_SIZE). */
  public static final int DEFAULT_WINDOW = 16384;

  /**
   * The largest workload size: {@code n}, and a default size derived from the window (e.g.
   * {@code scope-overflow}'s {@code window} tasks), are at most one million, so that a typo such as
   * {@code --n 2000000000} is an input error instead of an out-of-memory (a million tasks take
   * about 1 GB of heap in a run).
   */
  public static final int MAX_N = 1_000_000;

  /**
   * How the orchestration states dependencies. MANUAL and PARTIAL_MANUAL are two upstream
   * programs (main's manual scope and PR #482's partial-manual, see PagedAttention); they also
   * differ in when the runtime publishes manual tasks (at submit, or deferred to scope_end).
   */
  public enum Mode {
    /** PTO2_SCOPE(): the TensorMap discovers every edge; tasks are published at submit. */
    AUTO,
    /** Main's manual scope (paged_attention_manual_scope at 6ebaf77): explicit edges, each task published at submit. */
    MANUAL,
    /** PR #482's partial-manual (01d0723, the #495 seed): hub task, explicit edges, publish deferred to scope_end. */
    PARTIAL_MANUAL;

    /** Whether manual tasks stay unpublished until their scope ends. */
    public boolean deferredPublish() {
      return this == PARTIAL_MANUAL;
    }

    /** Whether the workload writes MANUAL scopes with explicit edges. */
    public boolean manualScopes() {
      return this != AUTO;
    }

    /** The command-line spelling: auto, manual, partial-manual. */
    public String cliName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses the command-line spelling (or the enum name). */
    public static Mode parse(String text) {
      Preconditions.checkNotNull(text, "mode");
      for (Mode m : values()) {
        if (m.cliName().equals(text) || m.name().equals(text)) {
          return m;
        }
      }
      throw new IllegalArgumentException("unknown mode '" + text + "' (auto, manual, partial-manual)");
    }
  }

  public WorkloadParams {
    Preconditions.checkNotNull(caseName, "caseName");
    Preconditions.checkNotNull(mode, "mode");
    Preconditions.checkArgument(n >= 0, "n must be non-negative: %s", n);
    Preconditions.checkArgument(n <= MAX_N, "n must be at most %s: %s", MAX_N, n);
    Preconditions.checkArgument(window >= 2, "window must be at least 2: %s", window);
  }

  /** CaseSmall1, AUTO, default size, upstream's default window. */
  public static WorkloadParams defaults() {
    return new WorkloadParams("CaseSmall1", Mode.AUTO, 0, DEFAULT_WINDOW);
  }

  public WorkloadParams withCase(String caseName) {
    return new WorkloadParams(caseName, mode, n, window);
  }

  public WorkloadParams withMode(Mode mode) {
    return new WorkloadParams(caseName, mode, n, window);
  }

  public WorkloadParams withN(int n) {
    return new WorkloadParams(caseName, mode, n, window);
  }

  public WorkloadParams withWindow(int window) {
    return new WorkloadParams(caseName, mode, n, window);
  }

  /** Whether the runtime should defer publishing manual tasks to scope_end (partial-manual). */
  public boolean deferredPublish() {
    return mode.deferredPublish();
  }

  /** {@code n}, or {@code fallback} when n is 0 (checked by {@link #checkedSize}). */
  public int nOr(long fallback) {
    return n > 0 ? n : checkedSize(fallback);
  }

  /**
   * {@code size} as a workload size; above {@link #MAX_N} (a default derived from a large window)
   * it is an {@link IllegalArgumentException}.
   */
  public int checkedSize(long size) {
    Preconditions.checkArgument(size <= MAX_N,
        "the workload would create %s tasks for window %s, more than %s; give a smaller window or n", size, window, MAX_N);
    return (int) size;
  }
}
