/**
 * The exhaustive oracle for the stall checker: an explicit-state search over the runtime's abstract
 * transitions from a {@link io.ptosim.analysis.snapshot.Snapshot}, with state hashing and
 * partial-order reduction, that answers whether the ring head is retired in some future, in every
 * fair future, or in none, and what verdict the checker must therefore give.
 */
package io.ptosim.analysis.exhaustive;
