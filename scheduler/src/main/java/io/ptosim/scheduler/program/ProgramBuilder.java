package io.ptosim.scheduler.program;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * Writes an orchestration program the way upstream orchestration code does: open and close scopes,
 * submit tasks and alloc_tensors (each returns its new task id, numbered 0, 1, 2, ... in creation
 * order) and state explicit edges inside MANUAL scopes.
 */
public final class ProgramBuilder {
  private final String name;
  private final ImmutableList.Builder<Op> ops = ImmutableList.builder();
  private long nextTask;

  public ProgramBuilder(String name) {
    this.name = Preconditions.checkNotNull(name, "name");
  }

  public static ProgramBuilder named(String name) {
    return new ProgramBuilder(name);
  }

  /** PTO2_SCOPE(mode): opens a scope; nested scopes allocate from deeper rings. */
  public ProgramBuilder scope(ScopeMode mode) {
    ops.add(new Op.ScopeBegin(mode));
    return this;
  }

  /** Closes the innermost open scope (the end of the PTO2_SCOPE block). */
  public ProgramBuilder endScope() {
    ops.add(new Op.ScopeEnd());
    return this;
  }

  /** Submits a task and returns its id. */
  public long submit(String kernel, int activeMask, int blockNum, TensorArg... args) {
    return submit(kernel, activeMask, blockNum, ImmutableList.copyOf(args));
  }

  /**
   * Submits a task and returns its id.
   *
   * @throws IllegalArgumentException naming the field when a value is out of range (see {@link Op.Submit})
   */
  public long submit(String kernel, int activeMask, int blockNum, List<TensorArg> args) {
    // Built first: a rejected value (IllegalArgumentException naming the field) uses up no id.
    ops.add(new Op.Submit(nextTask, kernel, activeMask, blockNum, ImmutableList.copyOf(args)));
    return nextTask++;
  }

  /**
   * Submits a task whose kernel registers {@code conditions} completion conditions in each of its
   * subtasks (the program format's {@code completion_conditions}) and returns its id.
   */
  public long submitRegistering(int conditions, String kernel, int activeMask, int blockNum, TensorArg... args) {
    ops.add(new Op.Submit(nextTask, kernel, activeMask, blockNum, ImmutableList.copyOf(args),
        java.util.OptionalInt.of(conditions)));
    return nextTask++;
  }

  /**
   * Submits a task whose cores run their own kernels ({@code coreKernels}: {@code [aic, aiv0, aiv1]},
   * {@code ""} for a slot the mask does not name) and returns its id.
   */
  public long submitPerCore(String kernel, int activeMask, int blockNum, List<String> coreKernels, TensorArg... args) {
    ops.add(new Op.Submit(nextTask, kernel, activeMask, blockNum, ImmutableList.copyOf(args), ImmutableList.copyOf(coreKernels)));
    return nextTask++;
  }

  /** alloc_tensors(outputs...): creates the hidden buffer-owner task and returns its id. */
  public long allocTensors(TensorArg... outputs) {
    ops.add(new Op.AllocTensors(nextTask, ImmutableList.copyOf(outputs)));
    return nextTask++;
  }

  /** add_dependency(producer, consumer): an explicit edge of the current MANUAL scope. */
  public ProgramBuilder addDependency(long producer, long consumer) {
    ops.add(new Op.AddDependency(producer, consumer));
    return this;
  }

  /** rt_report_fatal(code, message): the orchestration latches {@code code} and the run ends. */
  public ProgramBuilder reportFatal(int code, String message) {
    ops.add(new Op.ReportFatal(code, message));
    return this;
  }

  /** Tasks created so far. */
  public long taskCount() {
    return nextTask;
  }

  /**
   * The program, validated. A builder is driven by code, so an invalid program is a bug of that
   * code and is reported unchecked.
   *
   * @throws IllegalStateException with the {@link ProgramException} message when invalid
   */
  public Program build() {
    Program program = buildUnvalidated();
    try {
      return ProgramValidator.validate(program);
    } catch (ProgramException e) {
      throw new IllegalStateException(name + ": " + e.getMessage(), e);
    }
  }

  /** The program as written, without validation (for tests of the validator itself). */
  public Program buildUnvalidated() {
    return new Program(name, ops.build());
  }
}
