/**
 * Readers of what the real runtime prints: line wrappers ({@link LineUnwrapper}), one small
 * parser per diagnostic kind ({@link RecordParser}), dialects chosen by name or detected from the
 * lines ({@link Dialect}), the assembled {@link DeviceLog}, and the partial-information
 * {@link DeviceDecision} that turns it into a verdict.
 */
package io.ptosim.analysis.device;
