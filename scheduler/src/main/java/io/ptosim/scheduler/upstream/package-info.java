/**
 * Upstream's own run artifacts: readers and writers of {@code deps.json} (dep_gen's task graph),
 * {@code chip_swimlane_records.json} (per-task timing) and {@code scope_stats.jsonl} (ring fill
 * per scope) in the schemas simpler 6ebaf77 writes, the replay that turns a program into dep_gen's
 * graph, the conversion of a recorded graph into a program, and the trace sinks that record a
 * simulated run in those schemas. Field-by-field description: docs/upstream-formats.md.
 */
package io.ptosim.scheduler.upstream;
