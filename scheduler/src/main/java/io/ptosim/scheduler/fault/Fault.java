package io.ptosim.scheduler.fault;

import com.google.common.collect.ImmutableSortedSet;
import java.util.Arrays;

/**
 * Known upstream bugs, each a switch that changes one modelled mechanism (never a scripted abort).
 * All are off by default; a correct runtime has none of them.
 */
public enum Fault {
  /**
   * Seed bug 1 (#495): the deferred manual publish path publishes {@code alloc_tensors} tasks
   * without checking for mask 0, so a hidden task goes READY into the AIV queue and is dispatched.
   */
  PUBLISH_HIDDEN_ALLOC("publish-hidden-alloc"),
  /**
   * Seed bug 2 (#495): the scheduler's completion path (releasing a consumer's last fanin) enqueues
   * the consumer without the PENDING to READY transition; it sits in the queue, and is dispatched,
   * in state PENDING.
   */
  READY_WITHOUT_TRANSITION("ready-without-transition"),
  /**
   * #1545: the loser of a ring's advance try-lock returns although it made the new head CONSUMED;
   * nobody advances last_alive over it. The correct runtime (#1586) sets a per-ring pending bit
   * that the lock holder's release retries.
   */
  LOST_ADVANCE("lost-advance"),
  /**
   * #2260: a deferred-completion task (its kernel registered a wait condition, {@code defer_wait})
   * was dispatched and ran, but the hand-off of the finished task to the async wait list is lost, so
   * its completion is never recorded: it stays READY-claimed, on no core and in no ready queue, and
   * nothing routes or completes it again. The thread localised the loss to this path (lifecycle flags
   * claimed, deferred, published, never COMPLETION_DONE), not to one line.
   */
  LOST_DEFERRED_COMPLETION("lost-deferred-completion");

  private final String cliName;

  Fault(String cliName) {
    this.cliName = cliName;
  }

  /** The name the command line uses, e.g. {@code lost-advance}. */
  public String cliName() {
    return cliName;
  }

  /** The fault called {@code name} on the command line. */
  public static Fault byName(String name) {
    for (Fault f : values()) {
      if (f.cliName.equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown fault '" + name + "' (known: " + String.join(", ", names()) + ")");
  }

  public static ImmutableSortedSet<String> names() {
    return Arrays.stream(values()).map(Fault::cliName).collect(ImmutableSortedSet.toImmutableSortedSet(String::compareTo));
  }
}
