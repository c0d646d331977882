/**
 * The deterministic simulation kernel: a thin, strict wrapper over DSOL's {@code DevsSimulator<Long>}
 * whose time is a count of nanoseconds of virtual device time and whose same-instant order is ours.
 */
package io.ptosim.des.kernel;
