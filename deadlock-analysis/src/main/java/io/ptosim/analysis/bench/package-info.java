/** Benchmarks of the checker, run from {@code ptosim bench checker}, never as tests. */
package io.ptosim.analysis.bench;
