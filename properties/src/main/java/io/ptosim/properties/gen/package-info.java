/** jqwik arbitraries of valid MANUAL-scope programs and of run settings, shrinkable by construction. */
package io.ptosim.properties.gen;
