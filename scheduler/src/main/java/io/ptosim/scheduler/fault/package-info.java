/** Switches for known upstream bugs (#495 parts 1 and 2, #1545), off by default. */
package io.ptosim.scheduler.fault;
