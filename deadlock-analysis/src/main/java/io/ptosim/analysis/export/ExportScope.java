package io.ptosim.analysis.export;

/** How much of the wait-for graph an export holds. */
public enum ExportScope {
  /** Every vertex and edge (large at tens of thousands of tasks). */
  WHOLE_GRAPH,
  /** Only the witness's vertices and the edges among them. */
  WITNESS
}
