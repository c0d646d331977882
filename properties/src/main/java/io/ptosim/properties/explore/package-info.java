/**
 * {@code ptosim explore}'s campaign engine: the deterministic program stream of a seed, the
 * properties checked on each program, the shape reduction that shrinks a failure, the fold of
 * results into a report and the merge of shard reports (docs/exploration.md).
 */
package io.ptosim.properties.explore;
