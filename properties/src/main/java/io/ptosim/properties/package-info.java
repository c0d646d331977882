/**
 * Property-based testing of ptosim: generators ({@code gen}), runs and observations ({@code run}),
 * the producer oracle ({@code oracle}), one check per property ({@code check}), the counterexample
 * corpus and its replay ({@code corpus}), the jqwik hook that writes counterexamples ({@code jqwik}),
 * {@code ptosim explore}'s campaign engine ({@code explore}) and
 * {@link io.ptosim.properties.Replay}. The jqwik properties themselves live in src/test.
 */
package io.ptosim.properties;
