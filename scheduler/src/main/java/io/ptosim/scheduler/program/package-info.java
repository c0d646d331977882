/**
 * Orchestration programs: what the orchestrator thread executes (scope begin/end, submit,
 * alloc_tensors, add_dependency), written with {@link io.ptosim.scheduler.program.ProgramBuilder}
 * or read from a versioned JSON file, and validated before a run.
 */
package io.ptosim.scheduler.program;
