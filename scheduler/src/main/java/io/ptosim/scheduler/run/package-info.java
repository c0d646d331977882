/**
 * The entry point of a run: {@link io.ptosim.scheduler.run.RunConfig} in,
 * {@link io.ptosim.scheduler.run.Simulation#run} runs it, {@link io.ptosim.scheduler.run.RunReport} out.
 */
package io.ptosim.scheduler.run;
