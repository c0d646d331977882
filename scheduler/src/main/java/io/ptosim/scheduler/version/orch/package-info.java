/**
 * The orchestrator-side rules in which upstream's runtime versions differ, one small rule class per
 * difference behind one interface each: dependency-pool accounting, heap allocation, scope rules,
 * explicit dependencies into AUTO-scope tasks, the MANUAL-scope publish path, task-state numbering
 * and the diagnostic text a stall prints. A {@link io.ptosim.scheduler.version.OrchestratorRules}
 * value bundles one implementation of each.
 */
package io.ptosim.scheduler.version.orch;
