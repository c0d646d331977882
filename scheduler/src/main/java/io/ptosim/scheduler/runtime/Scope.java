package io.ptosim.scheduler.runtime;

import io.ptosim.scheduler.program.ScopeMode;

/**
 * One scope of the orchestrator: its id (begin order, the executor's outer scope is 0), mode,
 * depth, ring ({@code min(depth, 3)}) and, while open, the tasks it owns a reference of.
 */
final class Scope {
  final int id;
  final ScopeMode mode;
  final int depth;
  final int ring;
  /**
   * Id of the outermost open MANUAL scope enclosing this one (itself included), or -1 in AUTO
   * territory. Tasks of scopes with an id at least this root were submitted inside the manual
   * region, so their tensors are scope-local to it.
   */
  final int manualRoot;
  private IntList tasks = new IntList(8);
  private boolean open = true;

  Scope(int id, ScopeMode mode, int depth, int manualRoot) {
    this.id = id;
    this.mode = mode;
    this.depth = depth;
    this.ring = Math.min(depth, RingConfig.RING_COUNT - 1);
    this.manualRoot = manualRoot;
  }

  boolean open() {
    return open;
  }

  boolean manual() {
    return manualRoot >= 0;
  }

  /** The tasks this scope owns a reference of, in submit order; only while open. */
  IntList tasks() {
    return tasks;
  }

  /** Closes the scope and drops its task list (its references are released by then). */
  void close() {
    open = false;
    tasks = null;
  }
}
