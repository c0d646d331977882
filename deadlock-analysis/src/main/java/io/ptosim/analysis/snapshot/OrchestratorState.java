package io.ptosim.analysis.snapshot;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * What the orchestrator thread is doing when the snapshot was taken. Java 17 has no pattern
 * switch, so {@link #kind()} is what exhaustive switches dispatch on.
 */
public sealed interface OrchestratorState {

  /** The three states, for exhaustive switches. */
  enum Kind {
    BLOCKED,
    RUNNING,
    FINISHED
  }

  /** Which of the three states this is. */
  Kind kind();

  /**
   * Its allocation waits for {@code waiting} of ring {@code ring}: it can neither publish nor end
   * scopes. {@code needed} is how much it asked for (dependency entries or heap bytes), 0 when not
   * recorded.
   */
  record Blocked(WaitResource waiting, int ring, long needed) implements OrchestratorState {
    /** Validates the ring number. */
    public Blocked {
      checkNotNull(waiting, "waiting");
      checkArgument(ring >= 0, "ring %s < 0", ring);
      checkArgument(needed >= 0, "needed %s < 0", needed);
    }

    /** Blocked without recording how much it asked for. */
    public Blocked(WaitResource waiting, int ring) {
      this(waiting, ring, 0);
    }

    @Override
    public Kind kind() {
      return Kind.BLOCKED;
    }
  }

  /** It still runs the orchestration program, so it will publish tasks and end scopes. */
  record Running() implements OrchestratorState {
    @Override
    public Kind kind() {
      return Kind.RUNNING;
    }
  }

  /** It has returned; it will not publish or end any scope again. */
  record Finished() implements OrchestratorState {
    @Override
    public Kind kind() {
      return Kind.FINISHED;
    }
  }
}
