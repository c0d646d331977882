package io.ptosim.scheduler.program;

import com.google.common.base.Preconditions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks the rules upstream's orchestrator enforces at run time (PR #482 add_dependency checks,
 * manual-scope v0 nesting rules), so that a bad program is rejected before a run with the index of
 * the first offending op.
 *
 * <p>Explicit edges. Into a MANUAL-scope task they follow PR #482's add_dependency rules (consumer
 * of the current MANUAL scope, producer of its MANUAL region, at most {@link #MAX_EXPLICIT_DEPS}).
 * Into an AUTO-scope task they stand for main's {@code set_dependencies}, which passes explicit
 * task ids with the submit: the edges follow the consumer's submit directly, the producer is any
 * earlier task, and there is no count limit (main spills fanin past 64 edges to the ring's fanin
 * pool). Whether a runtime version takes such edges at all is its rule
 * ({@code io.ptosim.scheduler.version.orch.ExplicitDepRules}); PR #482 refuses them at run time
 * with INVALID_ARGS, as upstream does.
 *
 * <p>Like an upstream orchestration function, a program runs inside the executor's outer AUTO
 * scope, which the runtime opens: tasks may be created at top level (they belong to that scope,
 * depth 0, ring 0), and the program's own scopes start at depth 1.
 */
public final class ProgramValidator {
  /** Upstream's explicit-dependency capacity of a MANUAL-scope task (PR #482's PTO2_MAX_INPUTS; main's MAX_DEP_COUNT default). */
  public static final int MAX_EXPLICIT_DEPS = 16;

  /** Upstream's maximum scope nesting depth. */
  public static final int MAX_SCOPE_DEPTH = 64;

  private ProgramValidator() {}

  /**
   * Validates {@code program} and returns it.
   *
   * @throws ProgramException naming the first offending op (or the unclosed scope_begin)
   */
  public static Program validate(Program program) throws ProgramException {
    Preconditions.checkNotNull(program, "program");
    new Pass().run(program);
    return program;
  }

  /** The scope_begin op index that stands for the executor's outer scope (it has no op). */
  private static final int EXECUTOR_SCOPE = -1;

  private record OpenScope(int beginOp, ScopeMode mode) {}

  private record TaskInfo(int createdAt, int scopeBeginOp, boolean alloc) {}

  /** One validation run: the open-scope stack and what is known about each created task. */
  private static final class Pass {
    private final Deque<OpenScope> scopes = new ArrayDeque<>();
    private final Map<Long, TaskInfo> tasks = new HashMap<>();
    private final Map<Long, Set<Long>> explicitDeps = new HashMap<>();
    /** The task the last create op made, while only add_dependency ops have followed it; -1 otherwise. */
    private long justCreated = -1;

    void run(Program program) throws ProgramException {
      int i = 0;
      for (Op op : program.ops()) {
        check(i, op);
        i++;
      }
      if (!scopes.isEmpty()) {
        throw new ProgramException(scopes.peek().beginOp(), "scope is never closed");
      }
    }

    private void check(int i, Op op) throws ProgramException {
      if (!(op instanceof Op.AddDependency)) {
        justCreated = -1;
      }
      if (op instanceof Op.ScopeBegin begin) {
        scopeBegin(i, begin);
      } else if (op instanceof Op.ScopeEnd) {
        if (scopes.isEmpty()) {
          throw new ProgramException(i, "scope_end without an open scope");
        }
        scopes.pop();
      } else if (op instanceof Op.Submit submit) {
        try {
          io.ptosim.des.platform.PlatformProfile.checkKernelName(submit.kernel());
        } catch (IllegalArgumentException e) {
          throw new ProgramException(i, "field 'kernel': " + e.getMessage());
        }
        create(i, submit.task(), false);
      } else if (op instanceof Op.AllocTensors alloc) {
        allocOutputs(i, alloc);
        create(i, alloc.task(), true);
      } else if (op instanceof Op.AddDependency dep) {
        addDependency(i, dep);
      } else if (op instanceof Op.ReportFatal) {
        // Legal anywhere: the orchestration may give up at any point (its record checked the fields).
      } else {
        throw new AssertionError("unknown op " + op);
      }
    }

    private void scopeBegin(int i, Op.ScopeBegin begin) throws ProgramException {
      OpenScope inner = scopes.peek();
      // Manual-scope v0: MANUAL may nest in MANUAL, AUTO may not (its TensorMap view would be wrong).
      if (inner != null && inner.mode() == ScopeMode.MANUAL && begin.mode() == ScopeMode.AUTO) {
        throw new ProgramException(i, "AUTO scope inside the MANUAL scope opened at op " + inner.beginOp());
      }
      if (scopes.size() == MAX_SCOPE_DEPTH) {
        throw new ProgramException(i, "scope nesting deeper than " + MAX_SCOPE_DEPTH);
      }
      scopes.push(new OpenScope(i, begin.mode()));
    }

    private static void allocOutputs(int i, Op.AllocTensors alloc) throws ProgramException {
      if (alloc.outputs().isEmpty()) {
        throw new ProgramException(i, "alloc_tensors needs at least one output");
      }
      for (int k = 0; k < alloc.outputs().size(); k++) {
        ArgDirection dir = alloc.outputs().get(k).direction();
        if (dir != ArgDirection.OUTPUT) {
          throw new ProgramException(i, "alloc_tensors output " + k + " must be OUTPUT, not " + dir);
        }
      }
    }

    private void create(int i, long task, boolean alloc) throws ProgramException {
      TaskInfo earlier = tasks.get(task);
      if (earlier != null) {
        throw new ProgramException(i, "duplicate task id " + task + " (already created at op " + earlier.createdAt() + ")");
      }
      // A top-level task belongs to the executor's outer scope (AUTO): only the edges right after its submit may name it as consumer.
      OpenScope inner = scopes.peek();
      tasks.put(task, new TaskInfo(i, inner == null ? EXECUTOR_SCOPE : inner.beginOp(), alloc));
      justCreated = task;
    }

    private void addDependency(int i, Op.AddDependency dep) throws ProgramException {
      TaskInfo producer = known(i, dep.producer());
      TaskInfo consumer = known(i, dep.consumer());
      if (dep.producer() == dep.consumer()) {
        throw new ProgramException(i, "add_dependency of task " + dep.producer() + " on itself");
      }
      OpenScope inner = scopes.peek();
      if (inner == null || inner.mode() != ScopeMode.MANUAL) {
        autoDependency(i, dep, consumer);
        return;
      }
      // The edge follows its consumer's submit: the consumer belongs to the current MANUAL scope.
      if (consumer.scopeBeginOp() != inner.beginOp()) {
        throw new ProgramException(i,
            "add_dependency: task " + dep.consumer() + " is not in the current MANUAL scope (opened at op " + inner.beginOp() + ")");
      }
      // Manual-scope v0 takes any earlier producer; ptosim keeps it to the consumer's MANUAL region
      // (from the outermost open MANUAL scope), where only explicit edges order tasks. A producer of
      // an enclosing or an earlier nested MANUAL scope of the region is allowed; outside the region
      // the TensorMap and creator retention find producers.
      int region = regionBeginOp();
      if (producer.createdAt() < region) {
        throw new ProgramException(i, "add_dependency: producer " + dep.producer()
            + " is outside the MANUAL region of consumer " + dep.consumer() + " (opened at op " + region + ")");
      }
      if (producer.createdAt() > consumer.createdAt()) {
        throw new ProgramException(
            i, "add_dependency: producer " + dep.producer() + " was created after consumer " + dep.consumer());
      }
      if (consumer.alloc()) {
        throw new ProgramException(
            i, "add_dependency: consumer " + dep.consumer() + " is an alloc_tensors task (completed at submit)");
      }
      // Upstream dedupes a repeated edge silently; only distinct producers count toward the cap.
      Set<Long> producers = explicitDeps.computeIfAbsent(dep.consumer(), c -> new HashSet<>());
      if (producers.add(dep.producer()) && producers.size() > MAX_EXPLICIT_DEPS) {
        throw new ProgramException(
            i, "add_dependency: consumer " + dep.consumer() + " has more than " + MAX_EXPLICIT_DEPS + " explicit dependencies");
      }
    }

    /**
     * An edge into a task of an AUTO scope (or of the executor's): main's set_dependencies, whose
     * task ids come with the consumer's submit, so the edge follows that submit directly. Any
     * earlier task may be the producer, and there is no count limit.
     */
    private void autoDependency(int i, Op.AddDependency dep, TaskInfo consumer) throws ProgramException {
      if (consumer.alloc()) {
        throw new ProgramException(
            i, "add_dependency: consumer " + dep.consumer() + " is an alloc_tensors task (completed at submit)");
      }
      if (dep.consumer() != justCreated) {
        throw new ProgramException(i, "add_dependency: consumer " + dep.consumer()
            + " of an AUTO scope is not the task just submitted (its explicit dependencies come with its submit)");
      }
    }

    /** The scope_begin op of the outermost open MANUAL scope (no AUTO scope opens inside one). */
    private int regionBeginOp() {
      int root = -1;
      for (OpenScope scope : scopes) {
        // The deque iterates innermost first.
        if (scope.mode() != ScopeMode.MANUAL) {
          break;
        }
        root = scope.beginOp();
      }
      return root;
    }

    private TaskInfo known(int i, long task) throws ProgramException {
      TaskInfo info = tasks.get(task);
      if (info == null) {
        throw new ProgramException(i, "add_dependency names unknown task " + task);
      }
      return info;
    }
  }
}
