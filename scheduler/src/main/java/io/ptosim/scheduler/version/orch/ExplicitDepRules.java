package io.ptosim.scheduler.version.orch;

import java.util.Optional;

/**
 * Whether a task of an AUTO scope may carry explicit dependencies (a program's {@code add_dependency}
 * whose consumer is an AUTO-scope task). Where a version takes them, they come with the consumer's
 * submit and join the fanin it gathers from creator retention and the TensorMap (one edge per
 * distinct producer, CONSUMED producers left out); where it refuses them, the edge is a fatal
 * INVALID_ARGS (code {@link ScopeRules#INVALID_ARGS}) when it is stated.
 */
public interface ExplicitDepRules {
  /** The fatal message for an explicit edge into an AUTO-scope task, or empty when the version takes it with the submit. */
  Optional<String> refuseIntoAuto();
}
