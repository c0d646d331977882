/**
 * The catalogue of real upstream regressions (#277, #495, #1086, #1468, #1545): each a set of runs
 * whose expected outcome is recorded, reproduced from one command ({@code ptosim reproduce ID}).
 */
package io.ptosim.scheduler.regression;
