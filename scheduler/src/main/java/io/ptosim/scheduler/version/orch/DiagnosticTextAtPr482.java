package io.ptosim.scheduler.version.orch;

import com.google.common.collect.ImmutableList;
import io.ptosim.scheduler.policy.StallResource;

/**
 * PR #482 at 01d0723: {@code PTO2TaskAllocator::report_deadlock} ({@code pto_ring_buffer.h}, no
 * ring number in the header, no head-task line), {@code PTO2DepListPool::ensure_space}'s report
 * ({@code pto_ring_buffer.cpp}, {@code (ring R)} in the header, then {@code exit(1)}) and
 * {@code pto2_check_scope_can_accept_task}; the fanin spill pool's report (the same file, with
 * {@code (ring R)}, then {@code exit(1)}).
 */
public final class DiagnosticTextAtPr482 implements DiagnosticText {
  /** Upstream PTO2_ALLOC_SPIN_LIMIT and PTO2_DEP_POOL_SPIN_LIMIT. */
  static final long SPIN_LIMIT = 100_000;

  @Override
  public ImmutableList<String> lines(DeviceFailure failure) {
    if (failure instanceof DeviceFailure.ScopeDeadlock s) {
      return DiagnosticTextAtMain.scope(s);
    }
    if (failure instanceof DeviceFailure.AllocatorDeadlock a) {
      return switch (a.resource()) {
        case DEP_POOL -> depPool(a);
        case FANIN_POOL -> faninPool(a);
        case TASK_RING, HEAP -> allocator(a);
      };
    }
    if (failure instanceof DeviceFailure.DependencyOverflow d) {
      return dependencyOverflow(d);
    }
    if (failure instanceof DeviceFailure.OrchestratorFatal o) {
      // 01d0723 logs the fatal with LOG_ERROR in the submit itself; it has no rt_report_fatal.
      return ImmutableList.of("[ERROR] " + function(o.call()) + ": FATAL: " + o.message());
    }
    DeviceFailure.InvalidArgs refused = (DeviceFailure.InvalidArgs) failure;
    return ImmutableList.of("[ERROR] " + function(refused.call()) + ": " + refused.message());
  }

  private static String function(DeviceFailure.Call call) {
    return switch (call) {
      case SCOPE_BEGIN -> "pto2_scope_begin";
      case ADD_DEPENDENCY -> "pto2_add_dependency";
      case SUBMIT -> "pto2_submit_mixed_task_impl";
      case REPORT_FATAL -> "aicpu_orchestration_entry";
    };
  }

  private static ImmutableList<String> allocator(DeviceFailure.AllocatorDeadlock a) {
    String f = "[ERROR] report_deadlock: ";
    DeviceFailure.RingState r = a.ring();
    boolean heap = a.resource() == StallResource.HEAP;
    ImmutableList.Builder<String> out = ImmutableList.builder();
    out.add(f + RULE);
    out.add(f + (heap ? "FATAL: Task Allocator Deadlock - Heap Exhausted!" : "FATAL: Task Allocator Deadlock - Task Ring Full!"));
    out.add(f + RULE);
    out.add(f + "No progress after " + SPIN_LIMIT + " spins.");
    out.add(f + "  Task ring:  current=" + r.current() + ", last_alive=" + r.lastAlive() + ", active=" + r.active() + "/"
        + r.window() + " (" + DiagnosticTextAtMain.percent(r.active(), r.window()) + "%)");
    long available = r.heapTop() >= r.heapTail() ? Math.max(r.heapSize() - r.heapTop(), r.heapTail()) : r.heapTail() - r.heapTop();
    out.add(f + "  Heap ring:  top=" + r.heapTop() + ", tail=" + r.heapTail() + ", size=" + r.heapSize() + ", available="
        + available);
    if (heap) {
      out.add(f + "  Requested:  " + a.requestedBytes() + " bytes");
    }
    out.add(f + "  last_task_alive is stuck at " + r.lastAlive() + ", meaning task " + r.lastAlive());
    out.add(f + RULE);
    return out.build();
  }

  /** {@code pto2_scope_end} / {@code pto2_add_dependency}'s report (01d0723 {@code pto_orchestrator.cpp}). */
  static ImmutableList<String> dependencyOverflow(DeviceFailure.DependencyOverflow d) {
    String f = d.explicitEdge() ? "[ERROR] pto2_add_dependency: " : "[ERROR] pto2_scope_end: ";
    ImmutableList.Builder<String> out = ImmutableList.builder();
    out.add(f + RULE, f + "FATAL: Dependency Overflow Detected!", f + RULE);
    out.add(f + "Task requires more than PTO2_MAX_INPUTS unique fanin dependencies.");
    out.add(f + (d.explicitEdge() ? "  consumer_id.raw:    " : "  task_id.raw:        ") + d.taskId());
    out.add(f + "  fanin_count:        " + d.faninCount() + " / " + d.limit());
    out.add(f + "  reason:             " + (d.explicitEdge() ? "explicit add_dependency" : "manual dependency bookkeeping"));
    if (!d.explicitEdge()) {
      out.add(f + "This is a runtime dependency-tracking limit.");
    }
    out.add(f + RULE);
    return out.build();
  }

  private static ImmutableList<String> faninPool(DeviceFailure.AllocatorDeadlock a) {
    String f = "[ERROR] ensure_space: ";
    ImmutableList.Builder<String> out = ImmutableList.builder();
    out.add(f + RULE, f + "FATAL: Fanin Spill Pool Deadlock Detected! (ring " + a.ring().ring() + ")", f + RULE);
    out.add(f + "Fanin spill pool cannot reclaim space after " + SPIN_LIMIT + " spins (no progress).");
    DiagnosticTextAtMain.faninLines(out, f, a);
    return out.build();
  }

  private static ImmutableList<String> depPool(DeviceFailure.AllocatorDeadlock a) {
    String f = "[ERROR] ensure_space: ";
    ImmutableList.Builder<String> out = ImmutableList.builder();
    out.add(f + RULE, f + "FATAL: Dependency Pool Deadlock Detected! (ring " + a.ring().ring() + ")", f + RULE);
    out.add(f + "DepListPool cannot reclaim space after " + SPIN_LIMIT + " spins (no progress).");
    DiagnosticTextAtMain.poolLines(out, f, a);
    out.add(f + RULE);
    return out.build();
  }
}
