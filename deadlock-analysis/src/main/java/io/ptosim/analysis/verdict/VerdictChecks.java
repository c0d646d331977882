package io.ptosim.analysis.verdict;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/** The boundary checks every verdict record shares. */
final class VerdictChecks {
  private VerdictChecks() {}

  static void require(String reason, List<WitnessStep> witness, List<Assumption> assumptions) {
    checkNotNull(reason, "reason");
    checkArgument(!reason.isEmpty(), "empty reason");
    checkNotNull(witness, "witness");
    checkArgument(!witness.isEmpty(), "empty witness");
    checkNotNull(assumptions, "assumptions");
  }
}
