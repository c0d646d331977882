/**
 * Workloads: named generators of orchestration programs, chosen by name through
 * {@link io.ptosim.scheduler.workload.Workloads} and parameterised by
 * {@link io.ptosim.scheduler.workload.WorkloadParams}. Paged attention reproduces upstream's test
 * cases; the small scenarios reproduce single upstream incidents for the regression catalogue.
 */
package io.ptosim.scheduler.workload;
