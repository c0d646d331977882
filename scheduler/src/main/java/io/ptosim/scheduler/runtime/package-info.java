/**
 * The event-level model of the PTO2 runtime: orchestrator and scopes, task slots and their
 * counters, rings and the allocator, ready queues, scheduler threads and cores, the invariant
 * monitor, and the snapshot dump. See docs/runtime-model.md for the timing model.
 */
package io.ptosim.scheduler.runtime;
