package io.ptosim.analysis.exhaustive;

/** The runtime's abstract transitions the search takes. */
public enum TransitionKind {
  /** A scheduler thread dispatches the next block of a READY or RUNNING task. */
  DISPATCH,
  /** A core finishes a dispatched block. */
  BLOCK_DONE,
  /** A task whose blocks are all done completes: it releases its consumers' fanin and its producers' fanout. */
  COMPLETE,
  /** The scheduler flushes a fanout release a completed consumer still owed. */
  RELEASE,
  /** A PENDING task whose fanin is complete becomes READY (a due READY transition). */
  WAKE_READY,
  /** A hidden alloc_tensors task still PENDING completes (what its submit should have done). */
  WAKE_HIDDEN,
  /** A COMPLETED task whose fanout is complete becomes CONSUMED (a due CONSUMED transition). */
  WAKE_CONSUMED,
  /** last_alive advances past a head that already was CONSUMED. */
  ADVANCE,
  /** The running orchestrator publishes a task (releases its publish barrier). */
  PUBLISH,
  /** The running orchestrator ends a scope (releases its tasks' scope references). */
  SCOPE_END
}
