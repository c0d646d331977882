package io.ptosim.properties.explore;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.ptosim.properties.gen.Node;
import io.ptosim.properties.gen.ProgramShape;
import io.ptosim.properties.gen.ScopeNode;
import io.ptosim.properties.gen.TaskNode;
import io.ptosim.scheduler.program.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A deterministic reduction of a failing program shape: greedy to a fixpoint over candidate
 * edits, largest first (drop a top-level scope, drop a scope's node, inline a nested scope, then per
 * task: drop its edges and reads, no in-place update, a submit instead of an alloc_tensors, one
 * block, the first kernel and mask). An edit is kept when the rendered program is valid, has a task
 * and still fails; after a kept edit the pass goes on at the same candidate position. The result
 * is a shape where no single edit keeps the failure, or the shape reached when the evaluation
 * budget ran out (counted in evaluations, not time, so it is the same on every machine).
 */
public final class ShapeShrinker {
  /** What a shrink produced. */
  public record Result(ProgramShape shape, Program program, int steps, int evaluations, boolean exhausted) {}

  private final Predicate<Program> fails;
  private final int budget;

  /**
   * @param fails whether a program still fails (the property reports a problem)
   * @param budget the most candidate programs to evaluate
   */
  public ShapeShrinker(Predicate<Program> fails, int budget) {
    Preconditions.checkArgument(budget >= 0, "budget must be non-negative");
    this.fails = Preconditions.checkNotNull(fails, "fails");
    this.budget = budget;
  }

  /** Shrinks {@code shape}, which must render to a failing program. */
  public Result shrink(ProgramShape shape) {
    ProgramShape current = shape;
    Program program = CaseStream.render(shape);
    int steps = 0;
    int evaluations = 0;
    boolean changed = true;
    while (changed) {
      changed = false;
      List<ProgramShape> candidates = candidates(current);
      int k = 0;
      while (k < candidates.size()) {
        if (evaluations >= budget) {
          return new Result(current, program, steps, evaluations, true);
        }
        ProgramShape candidate = candidates.get(k);
        Program rendered = renderOrNull(candidate);
        boolean kept = false;
        if (rendered != null && rendered.taskCount() > 0) {
          evaluations++;
          kept = fails.test(rendered);
        }
        if (kept) {
          current = candidate;
          program = rendered;
          steps++;
          changed = true;
          candidates = candidates(current);
        } else {
          k++;
        }
      }
    }
    return new Result(current, program, steps, evaluations, false);
  }

  private static Program renderOrNull(ProgramShape shape) {
    try {
      return CaseStream.render(shape);
    } catch (RuntimeException invalid) {
      // An edit can make a shape the renderer rejects (an AUTO scope inlined into a MANUAL one).
      return null;
    }
  }

  /** Every single edit of {@code shape}, largest first. */
  static List<ProgramShape> candidates(ProgramShape shape) {
    List<ProgramShape> out = new ArrayList<>();
    ImmutableList<ScopeNode> tops = shape.scopes();
    if (tops.size() > 1) {
      for (int i = 0; i < tops.size(); i++) {
        List<ScopeNode> rest = new ArrayList<>(tops);
        rest.remove(i);
        out.add(new ProgramShape(ImmutableList.copyOf(rest)));
      }
    }
    int scopes = count(shape, true);
    for (int s = 0; s < scopes; s++) {
      int size = scopeAt(shape, s).body().size();
      for (int j = 0; j < size; j++) {
        int drop = j;
        out.add(editScope(shape, s, scope -> {
          List<Node> body = new ArrayList<>(scope.body());
          body.remove(drop);
          return new ScopeNode(scope.mode(), ImmutableList.copyOf(body));
        }));
      }
    }
    for (int s = 0; s < scopes; s++) {
      ImmutableList<Node> body = scopeAt(shape, s).body();
      for (int j = 0; j < body.size(); j++) {
        if (body.get(j) instanceof ScopeNode nested) {
          int at = j;
          out.add(editScope(shape, s, scope -> {
            List<Node> inlined = new ArrayList<>(scope.body().subList(0, at));
            inlined.addAll(nested.body());
            inlined.addAll(scope.body().subList(at + 1, scope.body().size()));
            return new ScopeNode(scope.mode(), ImmutableList.copyOf(inlined));
          }));
        }
      }
    }
    int tasks = count(shape, false);
    for (int t = 0; t < tasks; t++) {
      TaskNode task = taskAt(shape, t);
      for (TaskNode simpler : simplifications(task)) {
        out.add(editTask(shape, t, x -> simpler));
      }
    }
    return out;
  }

  private static List<TaskNode> simplifications(TaskNode t) {
    List<TaskNode> out = new ArrayList<>();
    if (!t.deps().isEmpty()) {
      out.add(new TaskNode(t.alloc(), t.kernel(), t.mask(), t.blockNum(), ImmutableList.of(), t.reads(), t.inout()));
      for (int i = 0; t.deps().size() > 1 && i < t.deps().size(); i++) {
        out.add(new TaskNode(t.alloc(), t.kernel(), t.mask(), t.blockNum(), without(t.deps(), i), t.reads(), t.inout()));
      }
    }
    if (!t.reads().isEmpty()) {
      out.add(new TaskNode(t.alloc(), t.kernel(), t.mask(), t.blockNum(), t.deps(), ImmutableList.of(), t.inout()));
      for (int i = 0; t.reads().size() > 1 && i < t.reads().size(); i++) {
        out.add(new TaskNode(t.alloc(), t.kernel(), t.mask(), t.blockNum(), t.deps(), without(t.reads(), i), t.inout()));
      }
    }
    if (t.inout() != 0) {
      out.add(new TaskNode(t.alloc(), t.kernel(), t.mask(), t.blockNum(), t.deps(), t.reads(), 0));
    }
    if (t.alloc()) {
      out.add(new TaskNode(false, t.kernel(), t.mask(), t.blockNum(), t.deps(), t.reads(), t.inout()));
    }
    if (t.blockNum() != 1) {
      out.add(new TaskNode(t.alloc(), t.kernel(), t.mask(), 1, t.deps(), t.reads(), t.inout()));
    }
    if (t.kernel() != 0) {
      out.add(new TaskNode(t.alloc(), 0, t.mask(), t.blockNum(), t.deps(), t.reads(), t.inout()));
    }
    if (t.mask() != 0) {
      out.add(new TaskNode(t.alloc(), t.kernel(), 0, t.blockNum(), t.deps(), t.reads(), t.inout()));
    }
    return out;
  }

  private static ImmutableList<Integer> without(ImmutableList<Integer> list, int i) {
    List<Integer> out = new ArrayList<>(list);
    out.remove(i);
    return ImmutableList.copyOf(out);
  }

  /** Scopes (or tasks) in pre-order, top-level scopes included. */
  private static int count(ProgramShape shape, boolean scopes) {
    int[] n = {0};
    for (ScopeNode top : shape.scopes()) {
      visit(top, scopes, n);
    }
    return n[0];
  }

  private static void visit(Node node, boolean scopes, int[] n) {
    if (node instanceof ScopeNode s) {
      if (scopes) {
        n[0]++;
      }
      s.body().forEach(child -> visit(child, scopes, n));
    } else if (!scopes) {
      n[0]++;
    }
  }

  private static ScopeNode scopeAt(ProgramShape shape, int index) {
    ScopeNode[] found = {null};
    editScope(shape, index, s -> {
      found[0] = s;
      return s;
    });
    return found[0];
  }

  private static TaskNode taskAt(ProgramShape shape, int index) {
    TaskNode[] found = {null};
    editTask(shape, index, t -> {
      found[0] = t;
      return t;
    });
    return found[0];
  }

  private static ProgramShape editScope(ProgramShape shape, int index, Function<ScopeNode, ScopeNode> edit) {
    return new Rebuild(index, -1, edit, null).shape(shape);
  }

  private static ProgramShape editTask(ProgramShape shape, int index, Function<TaskNode, TaskNode> edit) {
    return new Rebuild(-1, index, null, edit).shape(shape);
  }

  /** Rebuilds a shape with the pre-order {@code scope}-th scope or {@code task}-th task edited. */
  private static final class Rebuild {
    private final int scope;
    private final int task;
    private final Function<ScopeNode, ScopeNode> scopeEdit;
    private final Function<TaskNode, TaskNode> taskEdit;
    private int scopes;
    private int tasks;

    Rebuild(int scope, int task, Function<ScopeNode, ScopeNode> scopeEdit, Function<TaskNode, TaskNode> taskEdit) {
      this.scope = scope;
      this.task = task;
      this.scopeEdit = scopeEdit;
      this.taskEdit = taskEdit;
    }

    ProgramShape shape(ProgramShape shape) {
      ImmutableList.Builder<ScopeNode> out = ImmutableList.builder();
      for (ScopeNode top : shape.scopes()) {
        out.add((ScopeNode) node(top));
      }
      return new ProgramShape(out.build());
    }

    private Node node(Node node) {
      if (node instanceof ScopeNode s) {
        boolean target = scopes++ == scope;
        ImmutableList.Builder<Node> body = ImmutableList.builder();
        for (Node child : s.body()) {
          body.add(node(child));
        }
        ScopeNode rebuilt = new ScopeNode(s.mode(), body.build());
        return target ? scopeEdit.apply(rebuilt) : rebuilt;
      }
      TaskNode t = (TaskNode) node;
      return tasks++ == task ? taskEdit.apply(t) : t;
    }
  }
}
