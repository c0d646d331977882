package io.ptosim.scheduler.runtime;

import io.ptosim.des.kernel.SimKernel;

/**
 * Checks the runtime's own rules as transitions happen and fails fast, naming the event and the
 * task: states only move forward, only READY tasks enter a ready queue (or RUNNING ones with blocks
 * left), hidden tasks are never published or dispatched, no task is dispatched before all its
 * producers completed, CONSUMED means every fanout reference was released, slots are reclaimed in
 * order, and, once nothing can happen, no ring head is CONSUMED (a lost advance).
 */
final class InvariantMonitor {
  private static final String[] STATE = {"PENDING", "READY", "RUNNING", "COMPLETED", "CONSUMED"};

  private final DeviceRuntime rt;
  private final TaskTable t;
  private final SimKernel kernel;

  InvariantMonitor(DeviceRuntime rt) {
    this.rt = rt;
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
  }

  void consumed(int task) {
    if (t.fanoutDone[task] != t.fanoutTotal[task]) {
      fail(task, "CONSUMED with fanout " + t.fanoutDone[task] + "/" + t.fanoutTotal[task]);
    }
  }

  void retire(int task) {
    Ring ring = rt.rings[t.ring[task]];
    if (t.state[task] != TaskTable.CONSUMED || t.local[task] != ring.lastAlive) {
      fail(task, "reclaimed out of order (state " + STATE[t.state[task]] + ", last_alive " + ring.lastAlive + ")");
    }
  }

  /** Nothing is pending: a CONSUMED ring head will never be advanced over. */
  void quiescent() {
    for (Ring ring : rt.rings) {
      if (ring.lastAlive < ring.current) {
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
