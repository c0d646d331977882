package io.ptosim.scheduler.sizing;

import java.util.Optional;
import java.util.OptionalLong;

/** The one-line advice per resource, in the runtime's own terms (its environment variables). */
final class Recommendation {
  private Recommendation() {}

  static String of(RingResource r, long current, OptionalLong minimum, OptionalLong minimumPatient,
      Optional<String> verdictBelow, boolean onlyPostpones, String runtime) {
    String env = r.envVar();
    if (onlyPostpones) {
      return env + ": no size up to the one that holds the whole program completes; the stall is "
          + verdictBelow.orElse("a real deadlock") + ": raising this only postpones a real deadlock";
    }
    if (minimum.isEmpty()) {
      return env + ": " + runtime + "'s detector aborts at every size tried, although " + minimumPatient.getAsLong()
          + " completes when the stall is waited out: the detector's false abort (" + verdictBelow.orElse("?") + ")";
    }
    long min = minimum.getAsLong();
    long need = minimumPatient.getAsLong();
    String falseAborts = need < min
        ? "; from " + need + " to " + (min - step(r, min)) + " the stall is UNRETIRED_PROGRESS and only " + runtime
            + "'s detector aborts it"
        : verdictBelow.map(v -> "; below it: " + v).orElse("");
    if (current >= min) {
      return env + "=" + current + " is enough (smallest that completes: " + min + falseAborts + ")";
    }
    return env + "=" + current + " is too small: set " + env + "=" + min + " or more" + falseAborts;
  }

  private static long step(RingResource r, long size) {
    return r.powerOfTwo() ? size / 2 : RingResource.HEAP_STEP;
  }
}
