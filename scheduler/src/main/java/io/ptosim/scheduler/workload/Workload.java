package io.ptosim.scheduler.workload;

import io.ptosim.scheduler.program.Program;

/** A named generator of orchestration programs; each workload is one small class behind this interface. */
public interface Workload {
  /** The registry name, e.g. {@code paged-attention}. */
  String name();

  /** One line: what the program does and which upstream case or issue it reproduces. */
  String description();

  /** The program for these parameters; always valid. */
  Program program(WorkloadParams params);
}
