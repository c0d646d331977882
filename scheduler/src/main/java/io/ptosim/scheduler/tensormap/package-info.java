/**
 * The TensorMap: AUTO-scope dependency discovery by tensor base address and byte-range overlap,
 * with creator retention and lazy cleanup of retired tasks' entries, as upstream's orchestrator.
 */
package io.ptosim.scheduler.tensormap;
