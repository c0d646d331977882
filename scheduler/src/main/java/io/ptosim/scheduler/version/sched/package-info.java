/**
 * The scheduler-side rules in which upstream's runtime versions differ: ready buffers, dispatch
 * order and core fit, the ring-advance try-lock, the scheduler's own timeout and its diagnostic text.
 * Each rule is a small value behind one interface; {@link io.ptosim.scheduler.version.SchedulerRules}
 * bundles one choice of each per version. The runtime asks the rule, never the version's name.
 */
package io.ptosim.scheduler.version.sched;
