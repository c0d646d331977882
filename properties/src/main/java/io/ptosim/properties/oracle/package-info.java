/** What a correct run must show, derived from the program text and read off the trace. */
package io.ptosim.properties.oracle;
