package io.ptosim.analysis.device;

import java.util.regex.Pattern;

/**
 * Recognises the seed snapshot's own task records ({@code docs/snapshot-format.md}), which the
 * instrumented seed-era build printed and {@code SnapshotParser} reads.
 */
final class SeedRecords {
  private static final Pattern TASK = Pattern.compile("(?:^|\\s)task=\\d+\\s+state=\\S+\\s+fanin=\\d+/\\d+\\s.*next_block=\\d+");

  private SeedRecords() {}

  static boolean isTaskRecord(String message) {
    return message.contains("next_block=") && TASK.matcher(message).find();
  }
}
