/** jqwik lifecycle integration: seed override and counterexample files. */
package io.ptosim.properties.jqwik;
