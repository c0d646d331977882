package io.ptosim.analysis.device;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.OptionalInt;

/**
 * What a device log holds, as read: the dialect and why, the deadlock blocks, every other
 * recognised record, and how many lines were skipped.
 *
 * @param dialect the dialect the numbers were read in
 * @param dialectReason why: forced by name, or the line that told
 * @param lines lines read
 * @param skippedLines non-blank lines that held no record
 * @param blocks deadlock reports, in line order (the first is what aborted the run)
 * @param records the other records, in line order
 * @param droppedRecords records beyond the kept maximum (repeated dumps), counted only
 * @param seedTaskRecord the first line holding a seed snapshot task record, if any
 */
public record DeviceLog(
    Dialect dialect,
    String dialectReason,
    int lines,
    int skippedLines,
    ImmutableList<StallBlock> blocks,
    ImmutableList<DeviceRecord> records,
    long droppedRecords,
    OptionalInt seedTaskRecord) {

  /** Rejects nulls. */
  public DeviceLog {
    checkNotNull(dialect, "dialect");
    checkNotNull(dialectReason, "dialectReason");
    checkNotNull(blocks, "blocks");
    checkNotNull(records, "records");
    checkNotNull(seedTaskRecord, "seedTaskRecord");
  }

  /** The standalone records of type {@code type}, in line order. */
  public <T extends DeviceRecord> List<T> all(Class<T> type) {
    return records.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Recognised records in all, blocks' headers and fields included. */
  public long recordCount() {
    return records.size() + droppedRecords
        + blocks.stream().mapToLong(b -> b.fields().size() + (b.header().isPresent() ? 1 : 0)).sum();
  }
}
