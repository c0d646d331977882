package io.ptosim.scheduler.runtime;

import io.ptosim.scheduler.policy.ProgressProof;
import java.util.Arrays;
import java.util.Optional;

/**
 * Proves, without a snapshot, that a ring head will be retired if the system keeps running, for the
 * common stall where it plainly will (see {@link io.ptosim.scheduler.policy.StallContext#progressProof}).
 * It applies the stall checker's wait rules to the runtime's arrays, and answers only yes or "cannot
 * tell":
 *
 * <ul>
 *   <li>the head is not CONSUMED (a CONSUMED head waits for an advance: the checker's case) and its
 *       scope has ended (an open scope's reference waits for the blocked orchestrator);
 *   <li>runtime events are pending (the checker's scheduler is alive);
 *   <li>the head and every unfinished task holding a reference of it (a wired consumer, also a
 *       deferred task wired at its submit or one pinned while ensure_space blocks; an unwired
 *       deferred task holds nothing until the blocked orchestrator wires it) will
 *       complete: a READY or RUNNING task will; a PENDING one will if it is published and each of
 *       its unfinished producers will (at least one: a PENDING task with its fanin complete waits
 *       for a lost transition); an unpublished one waits for the orchestrator;
 *   <li>a COMPLETED head with every reference released waits for its own deferred release, which
 *       only the pending events can show: left to the checker;
 *   <li>every task the walk visits (the head included) or the holder scan passes (every task
 *       created after the head) keeps the runtime's rules the checker would flag (a hidden task
 *       READY, RUNNING or dispatched; a PENDING task with its fanin complete, i.e. in a ready queue
 *       without PENDING -> READY; READY or RUNNING with fanin a &lt; b; block counters out of
 *       order; all blocks done yet not COMPLETED: a deferred completion, which only the pending
 *       events can show will be recorded), and every task waiting in a ready queue is READY (the snapshot shows each as a
 *       {@code ready(local)} trace line): otherwise the checker reports the INVARIANT_VIOLATION,
 *       which a proof must not hide.
 * </ul>
 *
 * Completed consumers that still owe their release hold it in a scheduler thread's deferred
 * buffer, which the checker, too, counts on the scheduler. The walk visits at most
 * {@value #BUDGET} tasks and reuses its buffers, so a stall costs microseconds, not a snapshot.
 */
final class ProgressCertificate {
  /** Tasks one proof may visit before it gives up (then the checker decides). */
  static final int BUDGET = 4096;
  private static final int WITNESS_TASKS = 8;
  private static final String[] STATE_NAMES = {"PENDING", "READY", "RUNNING", "COMPLETED", "CONSUMED"};

  private final DeviceRuntime rt;
  /** visited[g] == epoch: task g is proven or queued in this proof. */
  private final int[] visited;
  private int epoch;
  private int[] stack = new int[64];
  private int depth;
  private int count;
  private final StringBuilder witness = new StringBuilder();

  ProgressCertificate(DeviceRuntime rt) {
    this.rt = rt;
    this.visited = new int[rt.tasks.capacity];
  }

  /** The proof that ring {@code r}'s head retires, when runtime events other than {@code ownEvents} are pending. */
  Optional<ProgressProof> prove(int r, long ownEvents) {
    Ring ring = rt.rings[r];
    TaskTable t = rt.tasks;
    if (ring.lastAlive == ring.current || rt.kernel.pendingEvents() <= ownEvents) {
      return Optional.empty();
    }
    int head = ring.taskAt(ring.lastAlive);
    byte state = t.state[head];
    if (state == TaskTable.CONSUMED || rt.orchestrator.scopes().get(t.scope[head]).open()
        || (state == TaskTable.COMPLETED && t.fanoutDone[head] == t.fanoutTotal[head])) {
      return Optional.empty();
    }
    if (!readyQueuesKeepRules()) {
      return Optional.empty();
    }
    start();
    push(head);
    if (!holders(head) || !drain()) {
      return Optional.empty();
    }
    String reason = "The stall clears if the system keeps running: ring " + r + " head task " + t.id(head) + " ("
        + STATE_NAMES[state] + ") is retired after " + count + " unfinished task(s) complete, none waiting for"
        + " the orchestrator (progress certificate).";
    return Optional.of(new ProgressProof(reason, witness.toString()));
  }

  private void start() {
    if (++epoch == 0) {
      Arrays.fill(visited, 0);
      epoch = 1;
    }
    depth = 0;
    count = 0;
    witness.setLength(0);
  }

  /**
   * Queues every unfinished task holding a reference of {@code head}: a published task, a deferred
   * one already wired at its submit (pr482) and the task main's ensure_space blocks on, whose
   * producers hold its submit-to-wire pin; an unpublished holder then waits for the orchestrator,
   * so the proof gives up and the checker decides. The scan passes every
   * task created after the head anyway, so it also checks each against the rules: false at the first
   * that breaks one (a published hidden task of a later scope, say), which the checker would report.
   */
  private boolean holders(int head) {
    TaskTable t = rt.tasks;
    for (int g = head + 1; g < t.size; g++) {
      if (breaksRule(g)) {
        return false;
      }
      // TaskTable.wired: its producers hold references for it (wired, or claimed before ensure_space).
      boolean holds = t.published[g] || t.wired[g];
      if (t.state[g] < TaskTable.COMPLETED && holds && t.producers.contains(g, head)) {
        push(g);
      }
    }
    return true;
  }

  /** Proves every queued task completes; false at the first that may not, or past the budget. */
  private boolean drain() {
    TaskTable t = rt.tasks;
    while (depth > 0) {
      int g = stack[--depth];
      byte state = t.state[g];
      if (breaksRule(g)) {
        return false;
      }
      if (state >= TaskTable.COMPLETED) {
        continue;
      }
      if (++count > BUDGET || t.hidden[g]) {
        return false;
      }
      if (count <= WITNESS_TASKS) {
        witness.append(count > 1 ? "\n" : "").append("task ").append(t.id(g)).append(' ').append(STATE_NAMES[state]);
      }
      if (state != TaskTable.PENDING) {
        continue;
      }
      if (!t.published[g]) {
        return false;
      }
      int unfinished = 0;
      for (int e = t.producers.first(g); e != LinkedIntLists.END; e = t.producers.next(e)) {
        int p = t.producers.value(e);
        if (t.state[p] < TaskTable.COMPLETED) {
          unfinished++;
          push(p);
        }
      }
      if (unfinished == 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The proof counts on the queued work being dispatched, and the snapshot lists every queued task
   * as a {@code ready(local)} trace line, which the checker holds against the task's state: so a
   * queued task (not yet dispatched) must be READY and keep the rules below. A PENDING one was
   * enqueued without the PENDING -> READY transition (seed bug 2), a hidden one was published
   * (seed bug 1). Costs one look per queued task.
   */
  private boolean readyQueuesKeepRules() {
    for (SchedulerThread thread : rt.threads) {
      for (int shape = 0; shape < Shapes.COUNT; shape++) {
        if (!queueKeepsRules(thread.localQueue(shape))) {
          return false;
        }
      }
    }
    for (int shape = 0; shape < Shapes.COUNT; shape++) {
      if (!queueKeepsRules(rt.ready.queue(shape))) {
        return false;
      }
    }
    return true;
  }

  private boolean queueKeepsRules(IntQueue queue) {
    TaskTable t = rt.tasks;
    for (int i = 0; i < queue.size(); i++) {
      int g = queue.get(i);
      if (t.nextBlock[g] == 0 && (t.state[g] != TaskTable.READY || breaksRule(g))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether task {@code g} breaks a rule the stall checker flags as an invariant violation (see
   * {@code InvariantCheck}): then no proof is given, so the full checker reports the violation
   * instead of a proof hiding it. Counters: {@code done <= next_block <= block_num}. States: a READY
   * or RUNNING task has its fanin complete; a PENDING task was never dispatched, and one with its
   * fanin complete sits in a ready queue without the PENDING -> READY transition (or lost it);
   * a completed visible task has all blocks done and its fanin complete; a CONSUMED task has its
   * fanout complete. A hidden alloc_tensors task is never READY, RUNNING or dispatched (seed bug 1).
   */
  private boolean breaksRule(int g) {
    TaskTable t = rt.tasks;
    byte state = t.state[g];
    int done = t.done[g];
    int next = t.nextBlock[g];
    if (done > next || next > t.blockNum[g]) {
      return true;
    }
    if (t.hidden[g]) {
      return state == TaskTable.READY || state == TaskTable.RUNNING || next > 0;
    }
    boolean faninComplete = t.faninDone[g] >= t.faninTotal[g];
    switch (state) {
      case TaskTable.PENDING:
        return next > 0 || (t.published[g] && faninComplete);
      case TaskTable.READY:
      case TaskTable.RUNNING:
        // all blocks done yet not COMPLETED: a deferred completion, which only the pending events show
        return !faninComplete || done == t.blockNum[g];
      case TaskTable.COMPLETED:
        return !faninComplete || done < t.blockNum[g];
      default:
        return t.fanoutDone[g] < t.fanoutTotal[g];
    }
  }

  private void push(int g) {
    if (visited[g] == epoch) {
      return;
    }
    visited[g] = epoch;
    if (depth == stack.length) {
      stack = Arrays.copyOf(stack, depth * 2);
    }
    stack[depth++] = g;
  }
}
