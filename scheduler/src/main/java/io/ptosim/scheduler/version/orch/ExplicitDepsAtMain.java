package io.ptosim.scheduler.version.orch;

import java.util.Optional;

/**
 * Upstream main at 6ebaf77 ({@code pto_types.h CoreTaskArgs::set_dependencies},
 * {@code pto_orchestrator.cpp submit_task_common}): any submit, AUTO or MANUAL, may pass explicit
 * task ids; its STEP 1 appends them to the fanin before creator retention and the TensorMap lookup
 * ({@code compute_task_fanin}), through the same {@code append_fanin_or_fail}, so a producer found
 * twice is one edge and a retired or CONSUMED one none. The primitive API has no count limit: edges
 * past {@code PTO2_FANIN_INLINE_CAP} (64) spill to the ring's fanin pool.
 */
public final class ExplicitDepsAtMain implements ExplicitDepRules {
  @Override
  public Optional<String> refuseIntoAuto() {
    return Optional.empty();
  }
}
