/**
 * The trace of a run: a recorder fanning events out to sinks, the canonical one-line-per-event text,
 * its SHA-256 hash (the determinism check), and a streaming Chrome trace JSON export for Perfetto.
 */
package io.ptosim.des.trace;
