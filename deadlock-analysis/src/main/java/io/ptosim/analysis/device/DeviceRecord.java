package io.ptosim.analysis.device;

import io.ptosim.analysis.snapshot.Count;
import io.ptosim.analysis.snapshot.WaitResource;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One recognised diagnostic line of a device log, in the runtime's own terms. Headers open a
 * block ({@link AllocatorHeader}, {@link PoolHeader}, {@link ScopeHeader}); field lines fill the
 * open block; the rest (fatal codes, the scheduler's stall dump, host lines) stand alone.
 */
public sealed interface DeviceRecord {

  /** The 1-based line the record was read from. */
  int line();

  /** The pools whose exhaustion the runtime reports as a deadlock. */
  enum Pool {
    DEP_POOL("dependency pool", "PTO2_RING_DEP_POOL"),
    FANIN_SPILL("fanin spill pool", "PTO2_RING_DEP_POOL"),
    TENSORMAP("TensorMap entry pool", "PTO2_TENSORMAP_POOL_SIZE");

    private final String text;
    private final String knob;

    Pool(String text, String knob) {
      this.text = text;
      this.knob = knob;
    }

    /** How a person names the pool. */
    public String text() {
      return text;
    }

    /** The setting that sizes it. */
    public String knob() {
      return knob;
    }
  }

  /** {@code FATAL: Task Allocator Deadlock - Task Ring Full! ring=R} / {@code - Heap Exhausted!}. */
  record AllocatorHeader(int line, WaitResource resource, OptionalInt ring) implements DeviceRecord {}

  /** {@code FATAL: Dependency Pool|Fanin Spill Pool|TensorMap Entry Pool Deadlock Detected!} or {@code ... Overflow!}. */
  record PoolHeader(int line, Pool pool, boolean overflow) implements DeviceRecord {}

  /** {@code FATAL: Scope Deadlock Detected! (ring R)}. */
  record ScopeHeader(int line, int ring) implements DeviceRecord {}

  /** {@code Head task H is the oldest task owned by an open scope on this ring ->}. */
  record ScopeGated(int line, long head) implements DeviceRecord {}

  /** The ~500 ms wall-clock backstop fired: {@code No reclaim progress for ~500 ms ...}. */
  record Backstop(int line, OptionalLong cycles) implements DeviceRecord {}

  /** {@code Task ring R: current=C, last_alive=L, active=a/b (x%)}; the older form has no ring. */
  record TaskRing(int line, OptionalInt ring, long current, long lastAlive, Count active) implements DeviceRecord {}

  /** {@code Heap ring R: top=…, tail=…, size=…, used=…, available=…}; the older form has no ring and no used. */
  record HeapRing(int line, OptionalInt ring, long top, long tail, long size, OptionalLong used, long available)
      implements DeviceRecord {}

  /** {@code Requested: N bytes}. */
  record Requested(int line, long bytes) implements DeviceRecord {}

  /**
   * {@code Head task H: state=S, consumers=a/b, scope_released=0|1}, or the older
   * {@code Head task H: COMPLETED, fanin=5/5, fanout=59/85}. The state code is read by the dialect.
   */
  record Head(
      int line,
      long task,
      OptionalInt stateCode,
      Optional<String> stateName,
      Optional<Count> consumers,
      Optional<Boolean> scopeReleased,
      Optional<Count> fanin,
      Optional<Count> fanout)
      implements DeviceRecord {}

  /** {@code - Pool used: a / b (x%)}, or an overflow's {@code exhausted: N entries alive (capacity=C)}. */
  record PoolUsed(int line, Count used) implements DeviceRecord {}

  /** {@code - Needed: N entries}. */
  record Needed(int line, long entries) implements DeviceRecord {}

  /** {@code - last_task_alive: N (stuck here)}. */
  record LastAlive(int line, long task) implements DeviceRecord {}

  /** {@code - current_task: N}. */
  record CurrentTask(int line, long task) implements DeviceRecord {}

  /** {@code - In-flight tasks: N}. */
  record InFlight(int line, long tasks) implements DeviceRecord {}

  /** {@code Tasks in current scope (N) >= task_window_size (W).} */
  record ScopeCount(int line, long tasks, long window) implements DeviceRecord {}

  /** {@code scope_depth: D}, {@code ring_id: R}, {@code scope_task_count: N}. */
  record ScopeField(int line, String name, long value) implements DeviceRecord {}

  /** {@code active_tasks: a / b}. */
  record ActiveTasks(int line, Count active) implements DeviceRecord {}

  /** {@code [TaskAllocator ring=R] BLOCKED: tasks=a/b, ..., on=task|heap, spins=N} (older: no ring). */
  record Blocked(int line, OptionalInt ring, Count tasks, String on, long spins) implements DeviceRecord {}

  /** {@code FATAL(code=N[, latched=M])[: text]}. */
  record Fatal(int line, int code, OptionalInt latched, String text) implements DeviceRecord {}

  /** {@code FATAL: <text>} that is not one of the stall headers (e.g. {@code Invalid Arg ...}). */
  record OtherFatal(int line, String text) implements DeviceRecord {}

  /** {@code Thread T: Fatal error (code=N)...} (seed era: {@code Fatal error detected}). */
  record ThreadFatal(int line, int thread, int code) implements DeviceRecord {}

  /** {@code [STALL thread=T idle_iterations=N] TASK ring=R task_id=ID state=S fanin_refcount=a/b ...}. */
  record StallTask(int line, int thread, int ring, long taskId, String state, Count fanin)
      implements DeviceRecord {}

  /** {@code [STALL ...] SUMMARY completed=a/b ... scan_ready=R scan_waiting=W scan_running=N}. */
  record StallSummary(int line, Count completed, long ready, long waiting, long running)
      implements DeviceRecord {}

  /** {@code [STALL ...] CLUSTER cluster_id=C aic=… aiv0=… aiv1=…}: whether all three cores are idle. */
  record StallCluster(int line, int cluster, boolean allIdle) implements DeviceRecord {}

  /** {@code [STALL ...] TIMEOUT_EXIT ... sub_class=S ... orch_done=0|1 stuck_task_id=ID}. */
  record TimeoutExit(int line, String subClass, OptionalInt orchDone, OptionalLong stuckTask)
      implements DeviceRecord {}

  /** {@code [SHUTDOWN_SNAPSHOT trigger_thread=T reason=... ]}. */
  record ShutdownSnapshot(int line, String reason) implements DeviceRecord {}

  /** {@code PTO2 runtime failed: orch_error_code=O sched_error_code=S runtime_status=R}. */
  record RuntimeFailed(int line, int orchCode, int schedCode, int status) implements DeviceRecord {}

  /** {@code error detail: ...}. */
  record ErrorDetail(int line, String text) implements DeviceRecord {}

  /** {@code PTO2 scheduler timeout sub_class=S ...}. */
  record SchedulerTimeout(int line, String subClass) implements DeviceRecord {}

  /** A line saying the run finished well ({@code ... PASSED}, {@code ... completed successfully}). */
  record Completion(int line, String text) implements DeviceRecord {}
}
