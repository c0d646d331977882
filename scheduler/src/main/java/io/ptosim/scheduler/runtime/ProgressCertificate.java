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
 *   <li>the head and every unfinished task holding a reference of it (a wired consumer: an
 *       unwired deferred task holds nothing until the blocked orchestrator wires it) will
 *       complete: a READY or RUNNING task will; a PENDING one will if it is published and each of
 *       its unfinished producers will (at least one: a PENDING task with its fanin complete waits
 *       for a lost transition); an unpublished one waits for the orchestrator;
 *   <li>a COMPLETED head with every reference released waits for its own deferred release, which
 *       only the pending events can show: left to the checker.
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
    start();
    push(head);
    holders(head);
    if (!drain()) {
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

  /** Queues every unfinished wired task that names {@code head} as a producer. */
  private void holders(int head) {
    TaskTable t = rt.tasks;
    for (int g = head + 1; g < t.size; g++) {
      if (t.state[g] < TaskTable.COMPLETED && t.published[g] && t.producers.contains(g, head)) {
        push(g);
      }
    }
  }

  /** Proves every queued task completes; false at the first that may not, or past the budget. */
  private boolean drain() {
    TaskTable t = rt.tasks;
    while (depth > 0) {
      int g = stack[--depth];
      byte state = t.state[g];
      if (state >= TaskTable.COMPLETED) {
        continue;
      }
      if (++count > BUDGET || t.hidden[g]) {
        return false;
      }
      if (count <= WITNESS_TASKS) {
        witness.append(count > 1 ? "; " : "").append("task ").append(t.id(g)).append(' ').append(STATE_NAMES[state]);
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
