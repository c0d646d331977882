/** Stored programs with their exact expected runs: the regression corpus and written counterexamples. */
package io.ptosim.properties.corpus;
