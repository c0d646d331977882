/**
 * Stall policies: what the orchestrator does when its allocation blocks (the seed-era spin limit,
 * upstream's later scope-aware rule, waiting forever, or asking the stall checker), behind one
 * {@link io.ptosim.scheduler.policy.StallPolicy} seam.
 */
package io.ptosim.scheduler.policy;
