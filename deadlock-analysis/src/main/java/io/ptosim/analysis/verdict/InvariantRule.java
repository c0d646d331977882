package io.ptosim.analysis.verdict;

/** A rule of the PTO2 runtime that a snapshot can break. */
public enum InvariantRule {
  COUNT_EXCEEDS_TOTAL("a counter a/b never exceeds its total"),
  READY_WITH_FANIN_MISSING("a READY or RUNNING task has received all fanin (a == b)"),
  COMPLETED_WITH_FANIN_MISSING("a completed task was READY, so its fanin is complete"),
  DONE_EXCEEDS_BLOCK_NUM("done never exceeds block_num"),
  DONE_TOTAL_NOT_BLOCK_NUM("done=a/b counts block_num blocks"),
  NEXT_BLOCK_EXCEEDS_BLOCK_NUM("next_block never exceeds block_num"),
  DONE_EXCEEDS_NEXT_BLOCK("only dispatched blocks finish (done <= next_block)"),
  COMPLETED_WITH_BLOCKS_LEFT("a task completes when done == block_num"),
  CONSUMED_WITH_FANOUT_MISSING("a CONSUMED task has received all fanout (a == b)"),
  HIDDEN_TASK_PUBLISHED("hidden alloc_tensors tasks (mask 0) are never published or dispatched"),
  DISPATCHED_WITHOUT_READY("a task is dispatched only after PENDING -> READY"),
  RETIRED_TASK_NOT_CONSUMED("tasks before last_alive are CONSUMED"),
  TASK_BEYOND_CURRENT("live tasks have ids below the ring's current"),
  RING_OVERFULL("at most window - 1 tasks are live in a ring"),
  HEAD_MISSING("the ring head (the task at last_alive) is in the snapshot"),
  EMPTY_RING_WAIT("the orchestrator only waits on a ring that holds live tasks"),
  SCOPE_REFERENCE_RELEASED("an open scope still holds one fanout reference of each of its tasks"),
  OPEN_SCOPE_AFTER_FINISH("a finished orchestrator has ended every scope"),
  UNPUBLISHED_AFTER_FINISH("a finished orchestrator has published every task"),
  SUBMIT_SCOPE_NOT_OPEN("a blocked submit belongs to an open scope of the ring it allocates from"),
  CONSUMER_BEFORE_PRODUCER("a producer is submitted before its consumers in the same ring"),
  DUPLICATE_EDGE("an edge is listed once"),
  CONSUMER_COMPLETED_FIRST("a consumer completes only after its producers"),
  FANIN_DISAGREES_WITH_EDGES(
      "fanin b counts the producers + 1, and b - a = unfinished producers + the publish barrier"),
  FANOUT_DISAGREES_WITH_EDGES(
      "fanout b counts the consumers + 1, and b - a = unfinished consumers + deferred releases"
          + " + the open scope's reference"),
  FANIN_UNEXPLAINED("missing fanin releases come from unfinished earlier tasks or the publish barrier"),
  TRACE_SHAPE_DISAGREES("a trace line's shape is the one the task's active_mask selects"),
  DEPENDENCY_CYCLE("tasks never wait for each other in a cycle");

  private final String description;

  InvariantRule(String description) {
    this.description = description;
  }

  /** The rule, as a runtime engineer states it. */
  public String description() {
    return description;
  }
}
