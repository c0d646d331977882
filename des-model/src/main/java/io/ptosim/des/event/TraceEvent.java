package io.ptosim.des.event;

import com.google.common.base.Preconditions;

/**
 * One observable transition of the simulated runtime, stamped with virtual time. The canonical text
 * of an event (see {@link #appendFields}) is what the trace hash is computed over: field order is
 * fixed, and no field may depend on anything but the model's own state.
 *
 * <p>Threads are AICPU thread indexes: scheduler threads {@code 0..n-1}, the orchestrator {@code n}.
 */
public sealed interface TraceEvent {

  /** Virtual time of the event, in nanoseconds. */
  long atNs();

  /** The event's kind, one word, as it appears in the canonical text. */
  String kind();

  /** Appends {@code key=value} fields, space separated, after the kind. */
  void appendFields(StringBuilder out);

  /** The orchestrator submitted a task into a ring slot. */
  record Submit(long atNs, long task, int ring, long scope, String kernel, Shape shape, int activeMask,
      int blockNum, int faninTotal, boolean hidden) implements TraceEvent {
    public String kind() { return "submit"; }
    public void appendFields(StringBuilder o) {
      o.append("task=").append(task).append(" ring=").append(ring).append(" scope=").append(scope)
          .append(" kernel=").append(kernel).append(" shape=").append(shape.code())
          .append(" active_mask=").append(activeMask).append(" block_num=").append(blockNum)
          .append(" fanin_b=").append(faninTotal);
      if (hidden) {
        o.append(" kind=alloc");
      }
    }
  }

  /** The orchestrator released a task's publish barrier (fanin after the release). */
  record Publish(long atNs, long task, int faninDone, int faninTotal) implements TraceEvent {
    public String kind() { return "publish"; }
    public void appendFields(StringBuilder o) {
      o.append("task=").append(task).append(" fanin=").append(faninDone).append('/').append(faninTotal);
    }
  }

  /** PENDING to READY: the task was enqueued in its shape's ready queue by {@code thread}. */
  record Ready(long atNs, long task, Shape shape, int faninDone, int faninTotal, int thread) implements TraceEvent {
    public String kind() { return "ready"; }
    public void appendFields(StringBuilder o) {
      o.append("task=").append(task).append(" shape=").append(shape.code()).append(" fanin=")
          .append(faninDone).append('/').append(faninTotal).append(" thread=").append(thread);
    }
  }

  /** One SPMD block handed to a core by a scheduler thread. */
  record Dispatch(long atNs, long task, String kernel, Shape shape, int block, int blockNum, int thread, CoreId core)
      implements TraceEvent {
    public String kind() { return "dispatch"; }
    public void appendFields(StringBuilder o) {
      o.append("thread=").append(thread).append(" shape=").append(shape.code()).append(" task=").append(task)
          .append(" block=").append(block).append('/').append(blockNum).append(" core=").append(core)
          .append(" kernel=").append(kernel);
    }
  }

  /**
   * A scheduler thread noticed that one core of a MIX block finished its subtask (upstream
   * on_subtask_complete): the core is free from now. The block is done ({@link BlockDone}, at the
   * same instant) when its last core's subtask is.
   */
  record SubtaskDone(long atNs, long task, int block, int blockNum, int thread, CoreId core) implements TraceEvent {
    public String kind() { return "subtask_done"; }
    public void appendFields(StringBuilder o) {
      o.append("thread=").append(thread).append(" task=").append(task).append(" block=").append(block)
          .append('/').append(blockNum).append(" core=").append(core);
    }
  }

  /** A scheduler thread noticed that a core finished a block (a MIX block: its last core). */
  record BlockDone(long atNs, long task, int block, int blockNum, int thread, CoreId core) implements TraceEvent {
    public String kind() { return "block_done"; }
    public void appendFields(StringBuilder o) {
      o.append("thread=").append(thread).append(" task=").append(task).append(" block=").append(block)
          .append('/').append(blockNum).append(" core=").append(core);
    }
  }

  /** All blocks done: the task is COMPLETED. */
  record Complete(long atNs, long task, int thread) implements TraceEvent {
    public String kind() { return "complete"; }
    public void appendFields(StringBuilder o) {
      o.append("task=").append(task).append(" thread=").append(thread);
    }
  }

  /**
   * One fanout reference of {@code task} was released, by a completed consumer ({@code byTask}) or by
   * the end of its scope ({@code byTask == -1}); fanout after the release.
   */
  record FanoutRelease(long atNs, long task, long byTask, int fanoutDone, int fanoutTotal, int thread)
      implements TraceEvent {
    public String kind() { return "fanout_release"; }
    public void appendFields(StringBuilder o) {
      o.append("task=").append(task).append(" by=").append(byTask < 0 ? "scope" : Long.toString(byTask))
          .append(" fanout=").append(fanoutDone).append('/').append(fanoutTotal).append(" thread=").append(thread);
    }
  }

  /** COMPLETED to CONSUMED: the task's slot and heap may be reclaimed once it reaches the ring head. */
  record Consumed(long atNs, long task, int thread) implements TraceEvent {
    public String kind() { return "consumed"; }
    public void appendFields(StringBuilder o) {
      o.append("task=").append(task).append(" thread=").append(thread);
    }
  }

  /** A ring's last_alive moved over a prefix of CONSUMED tasks. */
  record RingAdvance(long atNs, int ring, long fromLastAlive, long toLastAlive, int thread) implements TraceEvent {
    public String kind() { return "ring_advance"; }
    public void appendFields(StringBuilder o) {
      o.append("ring=").append(ring).append(" last_alive=").append(fromLastAlive).append("->")
          .append(toLastAlive).append(" thread=").append(thread);
    }
  }

  /** The orchestrator could not allocate: {@code resource} is {@code task_ring} or {@code heap}. */
  record AllocStall(long atNs, int ring, String resource, long lastAlive, long current) implements TraceEvent {
    public String kind() { return "alloc_stall"; }
    public void appendFields(StringBuilder o) {
      o.append("ring=").append(ring).append(" waiting=").append(resource).append(" last_alive=")
          .append(lastAlive).append(" current=").append(current);
    }
  }

  /** The stalled allocation succeeded. */
  record AllocResume(long atNs, int ring, long lastAlive, long stalledNs) implements TraceEvent {
    public String kind() { return "alloc_resume"; }
    public void appendFields(StringBuilder o) {
      o.append("ring=").append(ring).append(" last_alive=").append(lastAlive).append(" stalled_ns=").append(stalledNs);
    }
  }

  /** A stall policy judged a stall: the verdict word and its one-line reason. */
  record StallVerdict(long atNs, int ring, String verdict, String reason) implements TraceEvent {
    public StallVerdict {
      Preconditions.checkArgument(reason.indexOf('\n') < 0, "reason must be one line");
    }
    public String kind() { return "stall_verdict"; }
    public void appendFields(StringBuilder o) {
      o.append("ring=").append(ring).append(" verdict=").append(verdict).append(" reason=\"").append(reason).append('"');
    }
  }

  /** The orchestrator opened a scope. */
  record ScopeBegin(long atNs, long scope, String mode, int depth) implements TraceEvent {
    public String kind() { return "scope_begin"; }
    public void appendFields(StringBuilder o) {
      o.append("scope=").append(scope).append(" mode=").append(mode).append(" depth=").append(depth);
    }
  }

  /** The orchestrator closed a scope (after any deferred publish of its tasks). */
  record ScopeEnd(long atNs, long scope) implements TraceEvent {
    public String kind() { return "scope_end"; }
    public void appendFields(StringBuilder o) {
      o.append("scope=").append(scope);
    }
  }

  /** The runtime aborted: the device's exit code and its message. */
  record Abort(long atNs, int code, String message) implements TraceEvent {
    public String kind() { return "abort"; }
    public void appendFields(StringBuilder o) {
      o.append("code=").append(code).append(" message=\"").append(message).append('"');
    }
  }

  /**
   * A scheduler thread's own no-progress timeout fired after {@code idleIterations} idle iterations:
   * it either left its loop ({@code action=exit}) or latched the run's error ({@code action=latch}).
   */
  record SchedulerTimeout(long atNs, int thread, long idleIterations, String action, String subClass)
      implements TraceEvent {
    public String kind() { return "sched_timeout"; }
    public void appendFields(StringBuilder o) {
      o.append("thread=").append(thread).append(" idle_iterations=").append(idleIterations).append(" action=")
          .append(action);
      if (!subClass.isEmpty()) {
        o.append(" sub_class=").append(subClass);
      }
    }
  }
}
