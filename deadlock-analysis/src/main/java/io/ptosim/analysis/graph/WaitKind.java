package io.ptosim.analysis.graph;

/** Why the source of a wait-for edge waits for its target. */
public enum WaitKind {
  /** Orchestrator -> ring head: its allocation needs the head retired. */
  ALLOCATION,
  /** Head or retirement -> scope end: the open scope still holds a fanout reference. */
  SCOPE_REFERENCE,
  /** Head or retirement -> the task itself: it is not COMPLETED yet. */
  OWN_COMPLETION,
  /** Head or retirement -> consumer task: the consumer's completion releases one fanout. */
  CONSUMER,
  /** Task -> producer task: the producer's completion releases one fanin. */
  PRODUCER,
  /** Task -> orchestrator: the publish barrier of the fanin is still held. */
  PUBLISH,
  /** Scope end -> orchestrator: only the orchestrator ends scopes. */
  SCOPE_END,
  /** Task -> scheduler: a READY/RUNNING (or soon READY) task needs dispatch and completion. */
  DISPATCH,
  /** Head or retirement -> scheduler: releases by completed consumers are still batched. */
  DEFERRED_RELEASE,
  /** Anything -> wake-up: a transition that was due but did not happen. */
  WAKEUP,
  /** CONSUMED head -> retirement of a later task: whoever makes a task CONSUMED advances last_alive. */
  ADVANCE
}
