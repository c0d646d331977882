/** Benchmarks of the kernel against a plain priority-queue loop; run from {@code ptosim bench kernel}, never as tests. */
package io.ptosim.des.bench;
