package io.ptosim.scheduler.version.orch;

import java.util.OptionalInt;

/**
 * Upstream main at 6ebaf77: no fanin limit (code 6 is gone from {@code common/pto_runtime_status.h});
 * edges past the inline cap spill ({@link FaninSpillAtMain}).
 */
public final class FaninLimitAtMain implements FaninLimitRule {
  @Override
  public OptionalInt manualLimit() {
    return OptionalInt.empty();
  }
}
