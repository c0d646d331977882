/** The {@code ptosim} command line: run, check, reproduce, bench. Knows every module; none knows it. */
package io.ptosim.cli;
