package io.ptosim.analysis.text;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.ptosim.analysis.snapshot.Snapshot;

/**
 * A parsed snapshot and how many non-blank, non-comment lines held no recognised record (they are
 * skipped, not fatal, so a pasted log or issue page parses as is).
 */
public record ParsedSnapshot(Snapshot snapshot, int skippedLines) {

  /** Validates the count. */
  public ParsedSnapshot {
    checkNotNull(snapshot, "snapshot");
    checkArgument(skippedLines >= 0, "skippedLines %s < 0", skippedLines);
  }
}
