package io.ptosim.scheduler.version.orch;

import com.google.common.collect.ImmutableList;
import io.ptosim.scheduler.policy.StallResource;
import java.util.Locale;

/**
 * Upstream main at 6ebaf77: {@code PTO2TaskAllocator::report_deadlock},
 * {@code PTO2DepListPool::report_deadlock} and {@code PTO2FaninPool::ensure_space}'s report
 * ({@code pto_ring_buffer.h/.cpp}), and
 * {@code check_scope_can_accept_task} ({@code pto_orchestrator.cpp}). States print in main's
 * numbering (0 PENDING, 1 COMPLETED, 2 CONSUMED).
 */
public final class DiagnosticTextAtMain implements DiagnosticText {
  /** Upstream PTO2_ALLOC_DEADLOCK_TIMEOUT_CYCLES: 500 ms of the 50 MHz counter. */
  static final long BACKSTOP_CYCLES = 25_000_000L;

  private final StateNumbering states = new StatesAtMain();

  @Override
  public ImmutableList<String> lines(DeviceFailure failure) {
    if (failure instanceof DeviceFailure.ScopeDeadlock s) {
      return scope(s);
    }
    if (failure instanceof DeviceFailure.AllocatorDeadlock a) {
      return switch (a.resource()) {
        case DEP_POOL -> depPool(a);
        case FANIN_POOL -> faninPool(a);
        case TASK_RING, HEAP -> allocator(a);
      };
    }
    if (failure instanceof DeviceFailure.DependencyOverflow d) {
      // Main has no fanin limit (FaninLimitAtMain); only a rule set mixing versions gets here.
      return DiagnosticTextAtPr482.dependencyOverflow(d);
    }
    if (failure instanceof DeviceFailure.OrchestratorFatal o) {
      // orch_report_fatal_v: "FATAL(code=N): ..." under the calling function's name.
      return ImmutableList.of("[ERROR] " + function(o.call()) + ": FATAL(code=" + o.code() + ")"
          + (o.message().isEmpty() ? "" : ": " + o.message()));
    }
    DeviceFailure.InvalidArgs refused = (DeviceFailure.InvalidArgs) failure;
    return ImmutableList.of("[ERROR] " + function(refused.call()) + ": " + refused.message());
  }

  /** Main has no add_dependency call: explicit task ids come with the submit (set_dependencies). */
  private static String function(DeviceFailure.Call call) {
    return switch (call) {
      case SCOPE_BEGIN -> "begin_scope";
      case ADD_DEPENDENCY -> "submit_task_common";
      case SUBMIT -> "submit_task";
      case REPORT_FATAL -> "aicpu_orchestration_entry";
    };
  }

  static ImmutableList<String> scope(DeviceFailure.ScopeDeadlock s) {
    String f = "[ERROR] check_scope_can_accept_task: ";
    return ImmutableList.of(f + RULE, f + "FATAL: Scope Deadlock Detected! (ring " + s.ring() + ")", f + RULE,
        f + "Tasks in current scope (" + s.scopeTaskCount() + ") >= task_window_size (" + s.window() + ").",
        f + "  scope_depth:        " + s.scopeDepth(),
        f + "  ring_id:            " + s.ring(),
        f + "  scope_task_count:   " + s.scopeTaskCount(),
        f + "  active_tasks:       " + s.activeTasks() + " / " + s.window(),
        f + RULE);
  }

  private ImmutableList<String> allocator(DeviceFailure.AllocatorDeadlock a) {
    String f = "[ERROR] report_deadlock: ";
    DeviceFailure.RingState r = a.ring();
    boolean heap = a.resource() == StallResource.HEAP;
    ImmutableList.Builder<String> out = ImmutableList.builder();
    out.add(f + RULE);
    out.add(f + (heap ? "FATAL: Task Allocator Deadlock - Heap Exhausted! ring=" : "FATAL: Task Allocator Deadlock - Task Ring Full! ring=")
        + r.ring());
    out.add(f + RULE);
    detection(out, f, a, "No reclaim progress for ~500 ms (" + BACKSTOP_CYCLES + " cycles wall clock).");
    out.add(f + "  Task ring " + r.ring() + ": current=" + r.current() + ", last_alive=" + r.lastAlive() + ", active="
        + r.active() + "/" + r.window() + " (" + percent(r.active(), r.window()) + "%)");
    out.add(f + "  Heap ring " + r.ring() + ": top=" + r.heapTop() + ", tail=" + r.heapTail() + ", size=" + r.heapSize()
        + ", used=" + heapUsed(r) + ", available=" + heapAvailable(r));
    if (heap) {
      out.add(f + "  Requested:  " + a.requestedBytes() + " bytes");
    }
    out.add(f + head(a.head()));
    out.add(f + RULE);
    return out.build();
  }

  private ImmutableList<String> depPool(DeviceFailure.AllocatorDeadlock a) {
    String f = "[ERROR] report_deadlock: ";
    ImmutableList.Builder<String> out = ImmutableList.builder();
    out.add(f + RULE, f + "FATAL: Dependency Pool Deadlock Detected!", f + RULE);
    detection(out, f, a, "DepListPool cannot reclaim space after ~500 ms (no progress).");
    poolLines(out, f, a);
    out.add(f + head(a.head()));
    out.add(f + RULE);
    return out.build();
  }

  /** {@code PTO2FaninPool::ensure_space}: the backstop is its only check. */
  private static ImmutableList<String> faninPool(DeviceFailure.AllocatorDeadlock a) {
    String f = "[ERROR] ensure_space: ";
    ImmutableList.Builder<String> out = ImmutableList.builder();
    out.add(f + RULE, f + "FATAL: Fanin Spill Pool Deadlock Detected!", f + RULE);
    out.add(f + "Fanin spill pool cannot reclaim space after ~500 ms (no progress).");
    faninLines(out, f, a);
    return out.build();
  }

  /** The spill pool report's body after its header, the same at both commits. */
  static void faninLines(ImmutableList.Builder<String> out, String f, DeviceFailure.AllocatorDeadlock a) {
    DeviceFailure.RingState r = a.ring();
    out.add(f + "  - Pool used:     " + r.faninUsed() + " / " + r.faninCapacity() + " ("
        + percent(r.faninUsed(), r.faninCapacity()) + "%)");
    out.add(f + "  - Pool top:      " + r.faninTop() + " (linear)");
    out.add(f + "  - Pool tail:     " + r.faninTail() + " (linear)");
    out.add(f + "  - High water:    " + r.faninHighWater());
    out.add(f + "  - Needed:        " + a.neededEntries() + " entries");
    out.add(f + "  - last_task_alive: " + r.lastAlive() + " (stuck here)");
    out.add(f + "  - current_task:    " + r.current());
    out.add(f + "  - In-flight tasks: " + r.active());
    out.add(f + "Diagnosis:");
    out.add(f + "  last_task_alive is not advancing, so fanin spill pool tail");
    out.add(f + "  cannot reclaim. Check TaskRing diagnostics for root cause.");
    out.add(f + "Solution:");
    out.add(f + "  Increase fanin spill pool capacity (current: " + r.faninCapacity() + ", recommended: "
        + r.faninHighWater() * 2 + ")");
    out.add(f + "  Compile-time: PTO2_DEP_LIST_POOL_SIZE in pto_runtime2_types.h");
    out.add(f + "  Runtime env:  PTO2_RING_DEP_POOL=" + r.faninHighWater() * 2);
    out.add(f + RULE);
  }

  private static void detection(ImmutableList.Builder<String> out, String f, DeviceFailure.AllocatorDeadlock a,
      String backstop) {
    if (a.detection() == DeviceFailure.Detection.STRUCTURAL) {
      out.add(f + "Head task " + a.ring().lastAlive() + " is the oldest task owned by an open scope on this ring ->");
      out.add(f + "no open scope can end while the orchestrator is blocked here.");
      out.add(f + "Provable head-of-line deadlock.");
    } else {
      out.add(f + backstop);
    }
  }

  static void poolLines(ImmutableList.Builder<String> out, String f, DeviceFailure.AllocatorDeadlock a) {
    DeviceFailure.RingState r = a.ring();
    out.add(f + "  - Pool used:     " + r.depUsed() + " / " + r.depCapacity() + " (" + percent(r.depUsed(), r.depCapacity())
        + "%)");
    out.add(f + "  - Pool top:      " + r.depTop() + " (linear)");
    out.add(f + "  - Pool tail:     " + r.depTail() + " (linear)");
    out.add(f + "  - High water:    " + r.depHighWater());
    out.add(f + "  - Needed:        " + a.neededEntries() + " entries");
    out.add(f + "  - last_task_alive: " + r.lastAlive() + " (stuck here)");
    out.add(f + "  - current_task:    " + r.current());
    out.add(f + "  - In-flight tasks: " + r.active());
  }

  private String head(DeviceFailure.HeadTask h) {
    return "  Head task " + h.localId() + ": state=" + states.number(h.modelState()) + ", consumers=" + h.consumersDone()
        + "/" + h.consumersTotal() + ", scope_released=" + (h.scopeReleased() ? 1 : 0);
  }

  static String percent(long part, long whole) {
    return String.format(Locale.ROOT, "%.1f", whole > 0 ? 100.0 * part / whole : 0.0);
  }

  private static long heapUsed(DeviceFailure.RingState r) {
    return r.heapSize() == 0 ? 0 : (r.heapTop() + r.heapSize() - r.heapTail()) % r.heapSize();
  }

  private static long heapAvailable(DeviceFailure.RingState r) {
    if (r.heapTop() == r.heapTail()) {
      return r.heapSize();
    }
    if (r.heapTop() > r.heapTail()) {
      return Math.max(r.heapSize() - r.heapTop(), r.heapTail());
    }
    return r.heapTail() - r.heapTop();
  }
}
