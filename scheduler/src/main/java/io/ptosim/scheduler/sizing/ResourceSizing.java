package io.ptosim.scheduler.sizing;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The answer for one resource.
 *
 * @param resource what was sized
 * @param current the size of the run's config
 * @param minimum the smallest size that completes under the version's own detector (and every larger
 *     size tried does too); empty when none up to {@code searchedUpTo} does
 * @param minimumPatient the same under {@code patient}: the size the program really needs
 * @param verdictBelow what the stall is just below {@code minimum}: {@code UNRETIRED_PROGRESS} when
 *     {@code patient} completes there (the detector's false abort), else the checker's verdict there
 *     (a real cycle: {@code REAL_DEADLOCK}); empty when the smallest size already completes
 * @param onlyPostpones no size up to the one that holds the whole program completes under
 *     {@code patient}: raising the resource only postpones a real deadlock
 * @param searchedUpTo the largest size tried
 * @param trials the sizes tried, ascending
 * @param recommendation one line in the runtime's terms
 */
public record ResourceSizing(
    RingResource resource,
    long current,
    OptionalLong minimum,
    OptionalLong minimumPatient,
    Optional<String> verdictBelow,
    boolean onlyPostpones,
    long searchedUpTo,
    ImmutableList<Trial> trials,
    String recommendation) {

  public ResourceSizing {
    Preconditions.checkNotNull(resource, "resource");
    Preconditions.checkNotNull(minimum, "minimum");
    Preconditions.checkNotNull(minimumPatient, "minimumPatient");
    Preconditions.checkNotNull(verdictBelow, "verdictBelow");
    Preconditions.checkNotNull(trials, "trials");
    Preconditions.checkNotNull(recommendation, "recommendation");
  }
}
