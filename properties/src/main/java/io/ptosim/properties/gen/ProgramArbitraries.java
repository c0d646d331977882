package io.ptosim.properties.gen;

import com.google.common.collect.ImmutableList;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ScopeMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries of random MANUAL-scope programs, built from combinators only so that jqwik can
 * shrink them: a failing program shrinks by dropping scopes, nodes, edges and reads and by lowering
 * picks, and every shrunk shape still renders to a valid program.
 *
 * <p>Programs have 1..3 top-level scopes (MANUAL mostly, AUTO sometimes, with tensor arguments),
 * up to {@value #NESTING} levels of nested scopes below them (MANUAL inside MANUAL; AUTO or MANUAL
 * inside AUTO; never AUTO inside MANUAL), submits with random kernels, masks (AIC, AIV, MIX) and
 * 1..4 blocks, alloc_tensors tasks, up to 16 explicit edges per consumer to earlier tasks of its
 * innermost MANUAL scope (and, as the data flow needs, to the creators of buffers it reads from
 * other scopes of its MANUAL region), and 1..{@value #MAX_TASKS} tasks.
 */
public final class ProgramArbitraries {
  /** Upper bound of tasks per generated program. */
  public static final int MAX_TASKS = 60;

  /** Scope levels below a top-level scope. */
  public static final int NESTING = 2;

  private static final int MAX_BODY = 12;

  private ProgramArbitraries() {}

  /** Random valid programs (see the class comment). */
  public static Arbitrary<Program> programs() {
    // Empty bodies can leave a program without tasks; such a program tests nothing.
    return shapes().map(ProgramArbitraries::render).filter(p -> p.taskCount() > 0);
  }

  /**
   * Programs that take the paths of the #495 seed bugs 1 and 2: each has, among random top-level
   * scopes, a MANUAL scope that starts with an alloc_tensors task followed by a chain of submits
   * with explicit edges (alloc -> first -> second ...). A deferred runtime publishes the alloc
   * task at that scope's end, and the chain's consumers become ready on a completion.
   */
  public static Arbitrary<Program> faultProbingPrograms() {
    Arbitrary<ScopeNode> probe = Combinators.combine(Arbitraries.integers().between(1, 4), task(0), bodies(ScopeMode.MANUAL, 1))
        .as((chain, first, rest) -> {
          ImmutableList.Builder<Node> body = ImmutableList.builder();
          body.add(new TaskNode(true, 0, 0, 1, ImmutableList.of(), ImmutableList.of(), 0));
          for (int i = 0; i < chain; i++) {
            // Pick i names the task just before this one in the scope: alloc, then each chain link.
            body.add(new TaskNode(false, first.kernel(), first.mask(), first.blockNum(), ImmutableList.of(i),
                first.reads(), first.inout()));
          }
          return new ScopeNode(ScopeMode.MANUAL, body.addAll(rest).build());
        });
    return Combinators.combine(topScopes(), probe, Arbitraries.integers().between(0, 3))
        .as((scopes, p, at) -> {
          ImmutableList.Builder<ScopeNode> all = ImmutableList.builder();
          int pos = Math.min(at, scopes.size());
          all.addAll(scopes.subList(0, pos)).add(p).addAll(scopes.subList(pos, scopes.size()));
          return render(new ProgramShape(all.build()));
        });
  }

  /** Random program shapes; {@link #programs()} renders them. */
  public static Arbitrary<ProgramShape> shapes() {
    return topScopes().map(ProgramShape::new);
  }

  private static Program render(ProgramShape shape) {
    return ProgramRenderer.render("generated", shape, MAX_TASKS);
  }

  private static Arbitrary<ImmutableList<ScopeNode>> topScopes() {
    Arbitrary<ScopeNode> top = Arbitraries.frequencyOf(
        Tuple.of(3, scope(ScopeMode.MANUAL, NESTING)),
        Tuple.of(1, scope(ScopeMode.AUTO, NESTING)));
    return top.list().ofMinSize(1).ofMaxSize(3).map(ImmutableList::copyOf);
  }

  private static Arbitrary<ScopeNode> scope(ScopeMode mode, int levels) {
    return bodies(mode, levels).map(body -> new ScopeNode(mode, body));
  }

  /** A scope body: tasks, and nested scopes while {@code levels} remain. */
  private static Arbitrary<ImmutableList<Node>> bodies(ScopeMode mode, int levels) {
    Arbitrary<Node> node;
    if (levels == 0) {
      node = task(1).map(t -> t);
    } else if (mode == ScopeMode.MANUAL) {
      node = Arbitraries.frequencyOf(
          Tuple.of(8, task(1).map(t -> t)),
          Tuple.of(1, Arbitraries.lazy(() -> scope(ScopeMode.MANUAL, levels - 1)).map(s -> s)));
    } else {
      node = Arbitraries.frequencyOf(
          Tuple.of(6, task(1).map(t -> t)),
          Tuple.of(1, Arbitraries.lazy(() -> scope(ScopeMode.AUTO, levels - 1)).map(s -> s)),
          Tuple.of(2, Arbitraries.lazy(() -> scope(ScopeMode.MANUAL, levels - 1)).map(s -> s)));
    }
    return node.list().ofMaxSize(MAX_BODY).withSizeDistribution(RandomDistribution.uniform()).map(ImmutableList::copyOf);
  }

  /** A task node; alloc_tensors with weight {@code allocWeight} against 9 for submits. */
  private static Arbitrary<TaskNode> task(int allocWeight) {
    Arbitrary<Boolean> alloc = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(false)),
        Tuple.of(allocWeight, Arbitraries.just(true)));
    Arbitrary<ImmutableList<Integer>> deps = Arbitraries.integers().between(0, 63).list().ofMaxSize(16)
        .withSizeDistribution(RandomDistribution.biased()).map(ImmutableList::copyOf);
    Arbitrary<ImmutableList<Integer>> reads = Arbitraries.integers().between(0, 63).list().ofMaxSize(3)
        .map(ImmutableList::copyOf);
    Arbitrary<Integer> inout = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(0)),
        Tuple.of(1, Arbitraries.integers().between(1, 64)));
    return Combinators.combine(alloc, Arbitraries.integers().between(0, ProgramRenderer.KERNELS.size() - 1),
            Arbitraries.integers().between(0, ProgramRenderer.MASKS.size() - 1), Arbitraries.integers().between(1, 4),
            deps, reads, inout)
        .as(TaskNode::new);
  }
}
