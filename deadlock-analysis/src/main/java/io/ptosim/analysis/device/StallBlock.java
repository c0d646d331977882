package io.ptosim.analysis.device;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * One deadlock report as the runtime printed it: its header (absent when an excerpt starts at a
 * field line) and the field lines that followed, first value of each kind kept.
 *
 * @param header the allocator, pool or scope header
 * @param fields the field records, in line order
 */
public record StallBlock(Optional<DeviceRecord> header, ImmutableList<DeviceRecord> fields) {

  /** Rejects nulls. */
  public StallBlock {
    checkNotNull(header, "header");
    checkNotNull(fields, "fields");
  }

  /** The first field of type {@code type}. */
  public <T extends DeviceRecord> Optional<T> field(Class<T> type) {
    for (DeviceRecord r : fields) {
      if (type.isInstance(r)) {
        return Optional.of(type.cast(r));
      }
    }
    return Optional.empty();
  }

  /** The first {@code name:} scope field. */
  public Optional<Long> scopeField(String name) {
    for (DeviceRecord r : fields) {
      if (r instanceof DeviceRecord.ScopeField f && f.name().equals(name)) {
        return Optional.of(f.value());
      }
    }
    return Optional.empty();
  }

  /** The line the block starts on. */
  public int line() {
    return header.map(DeviceRecord::line).orElseGet(() -> fields.isEmpty() ? 1 : fields.get(0).line());
  }
}
