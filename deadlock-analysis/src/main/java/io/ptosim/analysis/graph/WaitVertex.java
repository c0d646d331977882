package io.ptosim.analysis.graph;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.ptosim.analysis.snapshot.WaitResource;

/**
 * A vertex of the wait-for graph: something that has to happen. An edge {@code u -> v} reads
 * "u cannot happen before v has happened". Java 17 has no pattern switch, so {@link #kind()} is
 * what exhaustive switches dispatch on.
 */
public sealed interface WaitVertex {

  /** The vertex types, for exhaustive switches. */
  enum Kind {
    ORCHESTRATOR,
    SCHEDULER,
    RING_HEAD,
    SCOPE_END,
    TASK,
    RETIREMENT,
    WAKEUP
  }

  /** Which vertex type this is. */
  Kind kind();

  /** Short human label, e.g. {@code ring 0 head task 0} or {@code scope 1 end}. */
  String label();

  /** The orchestrator's next step (its allocation, when blocked). */
  record Orchestrator() implements WaitVertex {
    @Override
    public Kind kind() {
      return Kind.ORCHESTRATOR;
    }

    @Override
    public String label() {
      return "orchestrator";
    }
  }

  /** Scheduler threads dispatching READY work and noticing finished blocks. */
  record Scheduler() implements WaitVertex {
    @Override
    public Kind kind() {
      return Kind.SCHEDULER;
    }

    @Override
    public String label() {
      return "scheduler";
    }
  }

  /** The waited ring's head {@code task} becoming CONSUMED and last_alive advancing past it. */
  record RingHead(int ring, WaitResource resource, long task) implements WaitVertex {
    /** Validates ids. */
    public RingHead {
      checkArgument(ring >= 0 && task >= 0, "bad ring head %s/%s", ring, task);
      checkNotNull(resource, "resource");
    }

    @Override
    public Kind kind() {
      return Kind.RING_HEAD;
    }

    @Override
    public String label() {
      return "ring " + ring + (resource == WaitResource.HEAP ? " heap head task " : " head task ") + task;
    }
  }

  /** The orchestrator's {@code scope_end()} of {@code scope}, releasing its tasks' references. */
  record ScopeEnd(long scope) implements WaitVertex {
    @Override
    public Kind kind() {
      return Kind.SCOPE_END;
    }

    @Override
    public String label() {
      return "scope " + scope + " end";
    }
  }

  /** Task {@code task} completing (all its blocks done). */
  record Task(long task) implements WaitVertex {
    @Override
    public Kind kind() {
      return Kind.TASK;
    }

    @Override
    public String label() {
      return "task " + task;
    }
  }

  /** Task {@code task} becoming CONSUMED (only built when it could advance a CONSUMED head). */
  record Retirement(long task) implements WaitVertex {
    @Override
    public Kind kind() {
      return Kind.RETIREMENT;
    }

    @Override
    public String label() {
      return "task " + task + " CONSUMED";
    }
  }

  /** A transition of {@code task} that should already have happened (READY or CONSUMED). */
  record Wakeup(long task) implements WaitVertex {
    @Override
    public Kind kind() {
      return Kind.WAKEUP;
    }

    @Override
    public String label() {
      return "wake-up of task " + task;
    }
  }
}
