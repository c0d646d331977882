package io.ptosim.scheduler.upstream;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * One recorded dependency: producer and consumer raw ids, the consumer's argument slot ({@code -1}
 * for an explicit edge), how the orchestrator found it, its flags, and, except for explicit edges,
 * the consumer's view; tensormap edges also carry the overlap class and the producer's view.
 */
public record DepsEdge(long pred, long succ, int arg, Source source, ImmutableList<String> flags,
    Optional<TensorSlice> consumer, Optional<String> overlap, Optional<TensorSlice> producer) {

  /** How the orchestrator found the producer (dep_gen's {@code source}). */
  public enum Source {
    /** STEP 1: an explicit dependency of the submit. */
    EXPLICIT("explicit"),
    /** STEP A: the consumer reads a buffer the producer created (owner_task_id retention). */
    CREATOR("creator"),
    /** STEP B: a TensorMap lookup hit on a region the producer modified. */
    TENSORMAP("tensormap");

    private final String text;

    Source(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }

    /** The source spelled {@code text}, or empty. */
    public static Optional<Source> parse(String text) {
      for (Source s : values()) {
        if (s.text.equals(text)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }
  }

  public DepsEdge {
    Preconditions.checkNotNull(source, "source");
    Preconditions.checkNotNull(flags, "flags");
    Preconditions.checkArgument(source == Source.EXPLICIT ? arg == -1 && consumer.isEmpty() : arg >= 0 && consumer.isPresent(),
        "an explicit edge has arg -1 and no view; the others name the consumer's arg and view");
    Preconditions.checkArgument((source == Source.TENSORMAP) == overlap.isPresent() && overlap.isPresent() == producer.isPresent(),
        "only tensormap edges carry overlap and the producer's view");
  }

  /** An explicit edge, recorded as wait+retain (dep_gen cannot tell add_dep_wait apart). */
  public static DepsEdge explicit(long pred, long succ) {
    return new DepsEdge(pred, succ, -1, Source.EXPLICIT, ImmutableList.of("wait", "retain"), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
