package io.ptosim.analysis.snapshot;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.OptionalLong;

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
   * recorded. {@code scope} is the open scope the blocked submit belongs to (the innermost), when
   * recorded: the orchestrator can end that scope only after this submit.
   */
  record Blocked(WaitResource waiting, int ring, long needed, OptionalLong scope) implements OrchestratorState {
    /** Validates the ring number. */
    public Blocked {
      checkNotNull(waiting, "waiting");
      checkNotNull(scope, "scope");
      checkArgument(ring >= 0, "ring %s < 0", ring);
      checkArgument(needed >= 0, "needed %s < 0", needed);
      checkArgument(scope.orElse(0) >= 0, "scope %s < 0", scope);
    }

    /** Blocked without recording the submit's scope. */
    public Blocked(WaitResource waiting, int ring, long needed) {
      this(waiting, ring, needed, OptionalLong.empty());
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
