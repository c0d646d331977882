package io.ptosim.properties.gen;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.ptosim.scheduler.program.ArgDirection;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.ProgramValidator;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a {@link ProgramShape} into a {@link Program}. Every pick is taken modulo the choices that
 * exist at that point, so the result is valid by construction whatever jqwik shrank away:
 * explicit edges name earlier tasks of the same innermost MANUAL scope, plus the creator of every
 * buffer a task reads that a submit of another scope of its MANUAL region created (the data flow
 * needs that edge, and the invariant monitor checks it; never an alloc_tensors consumer, at most 16
 * distinct producers), reads name buffers created earlier, and AUTO scopes
 * never open inside MANUAL ones because the shape cannot express it. {@link #render} still runs the
 * validator, so a renderer bug fails loudly instead of producing a program the runtime rejects.
 */
public final class ProgramRenderer {
  /** Kernel names the platform profiles know; {@code long} holds a ring head for milliseconds. */
  public static final ImmutableList<String> KERNELS = ImmutableList.of("qk", "sf", "pv", "up", "mix", "short", "long");

  /** active_mask values: AIC, AIV0, AIV1 (shape AIC / AIV), then three MIX masks. */
  public static final ImmutableList<Integer> MASKS = ImmutableList.of(1, 2, 4, 3, 6, 7);

  /** Bytes of every generated buffer: small, so that the heap never becomes the stall resource. */
  public static final long BUFFER_BYTES = 256;

  /** Where generated buffers start; bases are never reused. */
  private static final long FIRST_BASE = 0x1000_0000L;

  private final ProgramBuilder pb;
  private final int maxTasks;
  private final List<Long> buffers = new ArrayList<>();
  /** Per buffer (same index as {@link #buffers}): the submit that created it, or -1 for alloc_tensors. */
  private final List<Long> bufferCreator = new ArrayList<>();
  /** Per buffer: the scope (in begin order) its creator belongs to. */
  private final List<Integer> bufferScope = new ArrayList<>();
  private final List<List<Long>> openScopes = new ArrayList<>();
  private final List<ScopeMode> openModes = new ArrayList<>();
  private final List<Integer> openIds = new ArrayList<>();
  private int nextScopeId;
  private long nextBase = FIRST_BASE;

  private ProgramRenderer(String name, int maxTasks) {
    this.pb = ProgramBuilder.named(name);
    this.maxTasks = maxTasks;
  }

  /**
   * The program of {@code shape}, keeping only its first {@code maxTasks} tasks (later task nodes are
   * skipped, their scopes still open and close).
   *
   * @throws IllegalStateException if the result is invalid (a bug of this class)
   */
  public static Program render(String name, ProgramShape shape, int maxTasks) {
    Preconditions.checkNotNull(shape, "shape");
    Preconditions.checkArgument(maxTasks > 0, "maxTasks must be positive");
    ProgramRenderer r = new ProgramRenderer(name, maxTasks);
    for (ScopeNode scope : shape.scopes()) {
      r.scope(scope);
    }
    return r.pb.build();
  }

  private void scope(ScopeNode scope) {
    pb.scope(scope.mode());
    openScopes.add(new ArrayList<>());
    openModes.add(scope.mode());
    openIds.add(nextScopeId++);
    for (Node node : scope.body()) {
      if (node instanceof ScopeNode nested) {
        scope(nested);
      } else if (node instanceof TaskNode task) {
        task(task);
      } else {
        throw new AssertionError("unknown node " + node);
      }
    }
    openScopes.remove(openScopes.size() - 1);
    openModes.remove(openModes.size() - 1);
    openIds.remove(openIds.size() - 1);
    pb.endScope();
  }

  private void task(TaskNode node) {
    if (pb.taskCount() >= maxTasks) {
      return;
    }
    List<Long> scopeTasks = openScopes.get(openScopes.size() - 1);
    TensorArg output = TensorArg.output(nextBase, BUFFER_BYTES);
    nextBase += BUFFER_BYTES;
    long id;
    int scopeId = openIds.get(openIds.size() - 1);
    if (node.alloc()) {
      id = pb.allocTensors(output);
    } else {
      List<TensorArg> args = arguments(node, output);
      id = pb.submit(KERNELS.get(node.kernel() % KERNELS.size()), MASKS.get(node.mask() % MASKS.size()),
          node.blockNum(), args);
      if (openModes.get(openModes.size() - 1) == ScopeMode.MANUAL) {
        Set<Long> producers = dataFlowProducers(args, scopeId);
        for (long producer : picks(node.deps(), scopeTasks)) {
          if (producers.size() < ProgramValidator.MAX_EXPLICIT_DEPS) {
            producers.add(producer);
          }
        }
        for (long producer : producers) {
          pb.addDependency(producer, id);
        }
      }
    }
    scopeTasks.add(id);
    buffers.add(output.base());
    bufferCreator.add(node.alloc() ? -1L : id);
    bufferScope.add(scopeId);
  }

  /**
   * The edges the data flow needs: in a MANUAL region only explicit edges order tasks, so a read
   * (INPUT or INOUT) of a buffer a submit created in another scope of the region gets an edge from
   * that submit (alloc_tensors buffers need none: their task completed at submit). Reads within the
   * consumer's own scope keep relying on the random picks, as before.
   */
  private Set<Long> dataFlowProducers(List<TensorArg> args, int scopeId) {
    int region = scopeId;
    for (int k = openModes.size() - 1; k >= 0 && openModes.get(k) == ScopeMode.MANUAL; k--) {
      region = openIds.get(k);
    }
    Set<Long> out = new LinkedHashSet<>();
    for (TensorArg arg : args) {
      if (arg.direction() == ArgDirection.OUTPUT) {
        continue;
      }
      int b = buffers.indexOf(arg.base());
      long creator = bufferCreator.get(b);
      int scope = bufferScope.get(b);
      if (creator >= 0 && scope >= region && scope != scopeId) {
        out.add(creator);
      }
    }
    return out;
  }

  /** Reads of earlier buffers, the optional in-place update, then the task's own fresh output. */
  private List<TensorArg> arguments(TaskNode node, TensorArg output) {
    List<TensorArg> args = new ArrayList<>();
    long updated = -1;
    if (node.inout() > 0 && !buffers.isEmpty()) {
      updated = buffers.get((node.inout() - 1) % buffers.size());
      args.add(TensorArg.inout(updated, 0, BUFFER_BYTES));
    }
    for (long base : picks(node.reads(), buffers)) {
      if (base != updated) {
        args.add(TensorArg.input(base, 0, BUFFER_BYTES));
      }
    }
    args.add(output);
    return args;
  }

  /** The distinct elements {@code from} the picks name, in pick order; none when {@code from} is empty. */
  private static Set<Long> picks(List<Integer> picks, List<Long> from) {
    Set<Long> out = new LinkedHashSet<>();
    if (!from.isEmpty()) {
      for (int pick : picks) {
        out.add(from.get(pick % from.size()));
      }
    }
    return out;
  }
}
