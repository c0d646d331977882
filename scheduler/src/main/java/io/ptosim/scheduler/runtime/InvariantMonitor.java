package io.ptosim.scheduler.runtime;

import io.ptosim.des.kernel.SimKernel;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks the runtime's own rules as transitions happen and fails fast, naming the event and the
 * task: states only move forward, only READY tasks enter a ready queue (or RUNNING ones with blocks
 * left), hidden tasks are never published or dispatched, no task is dispatched before all its
 * producers completed (wired ones, and inside a MANUAL region those the data flow implies across
 * its scopes), a CONSUMED task's consumers have all completed and its scope has ended, slots retire
 * in ring-local order without a skip and the heap tail follows them forward, and, once nothing can
 * happen, no ring head is CONSUMED (a lost advance) where the version's advance rule promises the
 * advance (main's pending mask); under pr482's loser-returns rule a CONSUMED head left behind is that
 * runtime's own behaviour (upstream #1545), which the checker reports as LOST_WAKEUP when it blocks.
 *
 * <p>Each rule checks facts the transition's own code does not test, so that a bug in that code
 * (not just in its caller) is caught: e.g. CONSUMED is decided from the fanout counter, the monitor
 * walks the fanout list and the scope; the advance loop scans {@code last_alive}, the monitor keeps
 * its own count of retired slots and heap bytes per ring.
 */
final class InvariantMonitor {
  private static final String[] STATE = {"PENDING", "READY", "RUNNING", "COMPLETED", "CONSUMED"};

  private final DeviceRuntime rt;
  private final TaskTable t;
  private final SimKernel kernel;
  /** Per ring: the local id the next retirement must have. */
  private final int[] nextRetire = new int[RingConfig.RING_COUNT];
  /** Per ring: where the heap range of the last retired task ended (the tail it left). */
  private final long[] retiredHeapEnd = new long[RingConfig.RING_COUNT];
  /**
   * Producers the program's data flow implies but no TensorMap lookup finds: inside a MANUAL
   * region, the creator of a buffer a task reads that was created in another scope of the region.
   * The program must state such an edge; a runtime must wire it.
   */
  private final Map<Integer, IntList> dataFlowProducers = new HashMap<>();
  /** Whether the version guarantees that a CONSUMED head is advanced over (main's #1586 pending bit). */
  private final boolean advancePromised;

  InvariantMonitor(DeviceRuntime rt) {
    this.rt = rt;
    // The version's own rule, not the effective one: the lost-advance fault breaks main's promise.
    this.advancePromised = rt.version.scheduler().advance().marksPending();
    this.t = rt.tasks;
    this.kernel = rt.kernel;
  }

  void stateChange(int task, byte from, byte to) {
    if (to <= from) {
      fail(task, "non-monotone state change " + STATE[from] + " -> " + STATE[to]);
    }
  }

  void enqueue(int task) {
    byte s = t.state[task];
    if (s != TaskTable.READY && !(s == TaskTable.RUNNING && t.nextBlock[task] < t.blockNum[task])) {
      fail(task, "enqueued in a ready queue in state " + STATE[s] + " (no PENDING -> READY transition)");
    }
  }

  void publish(int task) {
    if (t.hidden[task]) {
      fail(task, "hidden alloc_tensors task (active_mask 0) published");
    }
  }

  /** At submit: {@code consumer} reads a buffer {@code producer} created in another scope of its MANUAL region. */
  void dataFlowProducer(int consumer, int producer) {
    dataFlowProducers.computeIfAbsent(consumer, c -> new IntList(2)).add(producer);
  }

  void dispatch(int task) {
    if (t.hidden[task]) {
      fail(task, "hidden alloc_tensors task (active_mask 0) dispatched");
    }
    for (int e = t.producers.first(task); e != LinkedIntLists.END; e = t.producers.next(e)) {
      int p = t.producers.value(e);
      if (t.state[p] < TaskTable.COMPLETED) {
        fail(task, "dispatched before its producer " + t.id(p) + " completed (producer is " + STATE[t.state[p]] + ")");
      }
    }
    IntList implied = dataFlowProducers.remove(task);
    for (int i = 0; implied != null && i < implied.size(); i++) {
      int p = implied.get(i);
      if (t.state[p] < TaskTable.COMPLETED) {
        fail(task, "dispatched before task " + t.id(p) + " completed (producer is " + STATE[t.state[p]] + "), although it"
            + " reads a buffer that task created in another scope of its MANUAL region: the data flow needs an edge"
            + " the runtime did not wire (program task " + t.programTask[task] + " has no add_dependency on program task "
            + t.programTask[p] + ")");
      }
    }
  }

  /**
   * CONSUMED is decided from the fanout counter ({@code a == b}); independently of it, every consumer
   * still on the task's fanout list must have completed (its release was one of those references)
   * and the task's scope must have ended (the scope holds a reference until then).
   */
  void consumed(int task) {
    for (int e = t.consumers.first(task); e != LinkedIntLists.END; e = t.consumers.next(e)) {
      int c = t.consumers.value(e);
      if (t.state[c] < TaskTable.COMPLETED) {
        fail(task, "CONSUMED while its consumer " + t.id(c) + " is " + STATE[t.state[c]] + " (fanout "
            + t.fanoutDone[task] + "/" + t.fanoutTotal[task] + ")");
      }
    }
    Scope scope = rt.orchestrator.scopes().get(t.scope[task]);
    if (scope.open()) {
      fail(task, "CONSUMED while its scope " + scope.id + " is still open (fanout " + t.fanoutDone[task] + "/"
          + t.fanoutTotal[task] + ")");
    }
  }

  /**
   * The advance loop retires the CONSUMED task at {@code last_alive}; independently of its scan, the
   * monitor's own count says which local id of the ring must retire next (no skip, no repeat), the
   * task must be CONSUMED, and its heap range must start where the previously retired task's ended
   * (or at 0, where the allocator wrapped), so that the heap tail only moves forward around the ring.
   */
  void retire(int task) {
    int r = t.ring[task];
    if (t.local[task] != nextRetire[r]) {
      fail(task, "retired out of order: ring " + r + " local id " + t.local[task] + ", but the next to retire is "
          + nextRetire[r]);
    }
    if (t.state[task] != TaskTable.CONSUMED) {
      fail(task, "retired in state " + STATE[t.state[task]]);
    }
    long start = t.heapStart[task];
    if (start != retiredHeapEnd[r] && start != 0) {
      fail(task, "heap tail would jump: ring " + r + " tail at " + retiredHeapEnd[r] + ", but the retired task's outputs"
          + " start at " + start);
    }
    nextRetire[r]++;
    retiredHeapEnd[r] = t.heapEnd[task];
  }

  /** Nothing is pending: a CONSUMED ring head will never be advanced over. */
  void quiescent() {
    for (Ring ring : rt.rings) {
      for (int local = ring.lastAlive; local < ring.current; local++) {
        int task = ring.taskAt(local);
        if (t.state[task] < TaskTable.COMPLETED && t.done[task] == t.blockNum[task]) {
          throw new InvariantViolation("quiescence", kernel.now(), t.id(task), "all " + t.blockNum[task]
              + " blocks finished but the completion was never recorded (lost deferred completion)");
        }
      }
      if (advancePromised && ring.lastAlive < ring.current) {
        int head = ring.taskAt(ring.lastAlive);
        if (t.state[head] == TaskTable.CONSUMED) {
          throw new InvariantViolation("quiescence", kernel.now(), t.id(head),
              "ring " + ring.id + " head is CONSUMED but last_alive was never advanced (lost advance)");
        }
      }
    }
  }

  private void fail(int task, String rule) {
    throw new InvariantViolation(kernel.currentLabel().toString(), kernel.now(), t.id(task), rule);
  }
}
