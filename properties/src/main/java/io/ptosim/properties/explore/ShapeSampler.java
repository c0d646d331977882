package io.ptosim.properties.explore;

import com.google.common.collect.ImmutableList;
import io.ptosim.properties.gen.Node;
import io.ptosim.properties.gen.ProgramArbitraries;
import io.ptosim.properties.gen.ProgramRenderer;
import io.ptosim.properties.gen.ProgramShape;
import io.ptosim.properties.gen.ScopeNode;
import io.ptosim.properties.gen.TaskNode;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.version.orch.ScopeRules;
import java.util.SplittableRandom;

/**
 * Draws {@link ProgramShape}s from a seeded {@link SplittableRandom} with the distributions of
 * {@link ProgramArbitraries} (same shape records, same bounds, same weights), without jqwik's
 * generator machinery. Why not jqwik's generators: drawing a shape through
 * {@code Arbitrary.generator(n).next(random)} costs about 1 ms (it builds shrinkable trees and
 * needs a {@code JqwikSession} per thread), more than simulating the program; explore shrinks with
 * its own reduction ({@link ShapeShrinker}) so it needs only the values.
 *
 * <p>A sampler holds no state besides the random it was given: the same random state gives the
 * same shape on any thread.
 */
final class ShapeSampler {
  private static final int MAX_BODY = 12;
  private static final int MAX_DEPS = 16;
  private static final int MAX_READS = 3;
  private static final int PICKS = 64;

  private final SplittableRandom random;
  private final ScopeRules scopes;

  /**
   * @param scopes the runtime version's scope rules: a nested scope the version refuses (pr482
   *     opens no scope inside a MANUAL one; main no AUTO inside MANUAL) is drawn as a task instead,
   *     so that every program is one the version accepts; under main nothing changes
   */
  ShapeSampler(SplittableRandom random, ScopeRules scopes) {
    this.random = random;
    this.scopes = scopes;
  }

  /** A shape as {@link ProgramArbitraries#shapes()} draws it: 1..3 top scopes, MANUAL 3 : AUTO 1. */
  ProgramShape shape() {
    int tops = 1 + random.nextInt(3);
    ImmutableList.Builder<ScopeNode> scopes = ImmutableList.builder();
    for (int i = 0; i < tops; i++) {
      scopes.add(topScope());
    }
    return new ProgramShape(scopes.build());
  }

  /**
   * A shape as {@link ProgramArbitraries#faultProbingPrograms()} draws it: random top scopes plus,
   * at a random position, a MANUAL scope {@code alloc_tensors -> t1 -> ... -> tk} (explicit chain)
   * followed by a random body, so that the #495 fault paths are taken.
   */
  ProgramShape faultProbingShape() {
    ImmutableList<ScopeNode> tops = shape().scopes();
    int chain = 1 + random.nextInt(4);
    TaskNode first = task(0);
    ImmutableList.Builder<Node> body = ImmutableList.builder();
    body.add(new TaskNode(true, 0, 0, 1, ImmutableList.of(), ImmutableList.of(), 0));
    for (int i = 0; i < chain; i++) {
      body.add(new TaskNode(false, first.kernel(), first.mask(), first.blockNum(), ImmutableList.of(i), first.reads(),
          first.inout()));
    }
    ScopeNode probe = new ScopeNode(ScopeMode.MANUAL, body.addAll(body(ScopeMode.MANUAL, 1, true)).build());
    int at = Math.min(random.nextInt(4), tops.size());
    return new ProgramShape(ImmutableList.<ScopeNode>builder().addAll(tops.subList(0, at)).add(probe)
        .addAll(tops.subList(at, tops.size())).build());
  }

  private ScopeNode topScope() {
    ScopeMode mode = random.nextInt(4) < 3 ? ScopeMode.MANUAL : ScopeMode.AUTO;
    return new ScopeNode(mode, body(mode, ProgramArbitraries.NESTING, mode == ScopeMode.MANUAL));
  }

  /** A body of a scope of {@code mode}; {@code insideManual} when it or an enclosing scope is MANUAL. */
  private ImmutableList<Node> body(ScopeMode mode, int levels, boolean insideManual) {
    int size = random.nextInt(MAX_BODY + 1);
    ImmutableList.Builder<Node> out = ImmutableList.builder();
    for (int i = 0; i < size; i++) {
      out.add(node(mode, levels, insideManual));
    }
    return out.build();
  }

  /** Weights as in ProgramArbitraries: MANUAL task 8 : MANUAL 1; AUTO task 6 : AUTO 1 : MANUAL 2. */
  private Node node(ScopeMode mode, int levels, boolean insideManual) {
    if (levels == 0) {
      return task(1);
    }
    ScopeMode nested;
    if (mode == ScopeMode.MANUAL) {
      if (random.nextInt(9) < 8) {
        return task(1);
      }
      nested = ScopeMode.MANUAL;
    } else {
      int pick = random.nextInt(9);
      if (pick < 6) {
        return task(1);
      }
      nested = pick < 7 ? ScopeMode.AUTO : ScopeMode.MANUAL;
    }
    if (scopes.refuseBegin(nested, insideManual).isPresent()) {
      return task(1);
    }
    return new ScopeNode(nested, body(nested, levels - 1, insideManual || nested == ScopeMode.MANUAL));
  }

  /** A task; alloc_tensors with weight {@code allocWeight} against 9 for submits. */
  private TaskNode task(int allocWeight) {
    boolean alloc = random.nextInt(9 + allocWeight) >= 9;
    int kernel = random.nextInt(ProgramRenderer.KERNELS.size());
    int mask = random.nextInt(ProgramRenderer.MASKS.size());
    int blockNum = 1 + random.nextInt(4);
    // jqwik's biased size distribution: mostly few explicit edges, sometimes many.
    double u = random.nextDouble();
    ImmutableList<Integer> deps = picks((int) Math.floor((MAX_DEPS + 1) * u * u * u));
    ImmutableList<Integer> reads = picks(random.nextInt(MAX_READS + 1));
    int inout = random.nextInt(5) < 4 ? 0 : 1 + random.nextInt(PICKS);
    return new TaskNode(alloc, kernel, mask, blockNum, deps, reads, inout);
  }

  private ImmutableList<Integer> picks(int n) {
    ImmutableList.Builder<Integer> out = ImmutableList.builder();
    for (int i = 0; i < n; i++) {
      out.add(random.nextInt(PICKS));
    }
    return out.build();
  }
}
