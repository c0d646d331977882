package io.ptosim.properties.explore;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.properties.gen.ProgramShape;
import io.ptosim.scheduler.program.Op;
import io.ptosim.scheduler.program.Program;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The reduction keeps the failure, reaches a fixpoint (no single edit still fails) and is deterministic. */
class ShapeShrinkerTest {
  /** "Fails" when the program has at least three submits of kernel {@code long}. */
  private static final Predicate<Program> THREE_LONG = p -> p.ops().stream()
      .filter(op -> op instanceof Op.Submit s && s.kernel().equals("long")).count() >= 3;

  @Test
  void shrinksToTheSmallestFailingShape() {
    CaseStream stream = new CaseStream(11, Optional.empty(), Runtimes.DEFAULT);
    ExploreCase big = null;
    for (long i = 0; big == null; i++) {
      ExploreCase c = stream.at(i);
      if (c.program().taskCount() > 30 && THREE_LONG.test(c.program())) {
        big = c;
      }
    }
    ShapeShrinker.Result r = new ShapeShrinker(THREE_LONG, 100_000).shrink(big.shape());
    assertThat(r.exhausted()).isFalse();
    assertThat(r.program().taskCount()).isEqualTo(3);
    assertThat(THREE_LONG.test(r.program())).isTrue();
    for (ProgramShape candidate : ShapeShrinker.candidates(r.shape())) {
      try {
        Program p = CaseStream.render(candidate);
        assertThat(p.taskCount() > 0 && THREE_LONG.test(p)).as("a single edit still fails: fixpoint not reached").isFalse();
      } catch (RuntimeException invalid) {
        // Not a candidate the shrinker could keep.
      }
    }
    assertThat(new ShapeShrinker(THREE_LONG, 100_000).shrink(big.shape())).isEqualTo(r);
  }

  @Test
  void stopsAtItsBudget() {
    ExploreCase c = new CaseStream(11, Optional.empty(), Runtimes.DEFAULT).at(0);
    ShapeShrinker.Result r = new ShapeShrinker(p -> true, 5).shrink(c.shape());
    assertThat(r.exhausted()).isTrue();
    assertThat(r.evaluations()).isEqualTo(5);
  }
}
