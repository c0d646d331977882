package io.ptosim.scheduler.sizing;

import io.ptosim.scheduler.run.Outcome;

/**
 * One size tried for one resource: how the run ended under the version's own detector and under
 * {@code patient}, and the detector run's stall figures.
 *
 * @param size the resource's size on every ring
 * @param outcome the end under the version's detector
 * @param errorCode the device's error code under the detector (0 when it completed)
 * @param patientOutcome the end under {@code patient}, which never gives up on a stall
 * @param stats stalls and fill of the detector run
 */
public record Trial(long size, Outcome outcome, int errorCode, Outcome patientOutcome, RunStats.Summary stats) {

  public boolean completes() {
    return outcome == Outcome.COMPLETED;
  }

  public boolean completesPatient() {
    return patientOutcome == Outcome.COMPLETED;
  }
}
