/**
 * Sizing advice: for each ring resource (task window, heap, dependency pool) the smallest size at
 * which a program completes under the runtime version's own stall detector and under {@code patient},
 * and what the stall below that size is (a real cycle, or slow progress the detector mistook for one).
 * The searches are runs of the simulation; nothing here knows the CLI.
 */
package io.ptosim.scheduler.sizing;
