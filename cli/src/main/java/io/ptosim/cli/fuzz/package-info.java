/**
 * The fuzz harness: one {@link io.ptosim.cli.fuzz.FuzzTarget} per reader, seeded mutations of its
 * valid inputs, and campaigns that assert every case ends in a result or a one-line input error
 * naming where, within bounded time and memory ({@code ptosim bench fuzz}; a CI share in the tests).
 */
package io.ptosim.cli.fuzz;
