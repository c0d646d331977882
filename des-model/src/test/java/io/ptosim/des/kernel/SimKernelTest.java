package io.ptosim.des.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ptosim.des.testing.Forked;
import io.ptosim.des.testing.ThrowingMain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimKernelTest {

  private static final RunLimits LIMITS = RunLimits.DEFAULT;

  @Test
  void sameInstantRunsByRankThenSchedulingOrder() {
    List<String> order = new ArrayList<>();
    try (SimKernel k = new SimKernel()) {
      k.scheduleAt(10, 2, EventLabel.of("c"), () -> order.add("rank2-first"));
      k.scheduleAt(10, 1, EventLabel.of("b"), () -> order.add("rank1-first"));
      k.scheduleAt(10, 2, EventLabel.of("c"), () -> order.add("rank2-second"));
      k.scheduleAt(5, 9, EventLabel.of("a"), () -> order.add("earlier"));
      k.scheduleAt(10, 1, EventLabel.of("b"), () -> order.add("rank1-second"));
      RunResult r = k.run(LIMITS);
      assertThat(r).isEqualTo(new RunResult(StopReason.QUIESCENT, 5, 10));
    }
    assertThat(order).containsExactly("earlier", "rank1-first", "rank1-second", "rank2-first", "rank2-second");
  }

  @Test
  void eventScheduledNowAtSameRankRunsAfterThoseAlreadyPending() {
    List<String> order = new ArrayList<>();
    try (SimKernel k = new SimKernel()) {
      k.scheduleAt(3, 0, EventLabel.of("x"), () -> {
        order.add("x");
        k.scheduleAfter(0, 0, EventLabel.of("z"), () -> order.add("z"));
      });
      k.scheduleAt(3, 0, EventLabel.of("y"), () -> order.add("y"));
      k.run(LIMITS);
    }
    assertThat(order).containsExactly("x", "y", "z");
  }

  @Test
  void cancelRemovesOnlyPendingEvents() {
    List<String> order = new ArrayList<>();
    try (SimKernel k = new SimKernel()) {
      EventHandle a = k.scheduleAt(1, 0, EventLabel.of("a"), () -> order.add("a"));
      EventHandle b = k.scheduleAt(2, 0, EventLabel.of("b"), () -> order.add("b"));
      EventHandle c = k.scheduleAt(3, 0, EventLabel.of("c"), () -> order.add("c"));
      assertThat(k.pendingEvents()).isEqualTo(3);
      assertThat(k.cancel(b)).isTrue();
      assertThat(k.cancel(b)).isFalse();
      assertThat(b.isPending()).isFalse();
      assertThat(k.pendingEvents()).isEqualTo(2);
      RunResult r = k.run(LIMITS);
      assertThat(r.events()).isEqualTo(2);
      assertThat(r.virtualTimeNs()).isEqualTo(3);
      assertThat(k.cancel(a)).isFalse();
      assertThat(c.isPending()).isFalse();
    }
    assertThat(order).containsExactly("a", "c");
  }

  @Test
  void cancelFromInsideAHandlerAtTheSameInstant() {
    List<String> order = new ArrayList<>();
    try (SimKernel k = new SimKernel()) {
      EventHandle[] later = new EventHandle[1];
      k.scheduleAt(4, 0, EventLabel.of("first"), () -> {
        order.add("first");
        k.cancel(later[0]);
      });
      later[0] = k.scheduleAt(4, 0, EventLabel.of("second"), () -> order.add("second"));
      assertThat(k.run(LIMITS).reason()).isEqualTo(StopReason.QUIESCENT);
    }
    assertThat(order).containsExactly("first");
  }

  @Test
  void eventBudgetEndsTheRunWithAnOutcomeAndCanContinue() {
    try (SimKernel k = new SimKernel()) {
      Runnable[] tick = new Runnable[1];
      tick[0] = () -> k.scheduleAfter(10, 0, EventLabel.of("tick"), tick[0]);
      k.scheduleAt(0, 0, EventLabel.of("tick"), tick[0]);
      RunResult r = k.run(new RunLimits(100, RunLimits.MAX_TIME_NS));
      assertThat(r).isEqualTo(new RunResult(StopReason.EVENT_BUDGET, 100, 990));
      RunResult again = k.run(new RunLimits(5, RunLimits.MAX_TIME_NS));
      assertThat(again).isEqualTo(new RunResult(StopReason.EVENT_BUDGET, 105, 1040));
    }
  }

  @Test
  void timeLimitStopsBeforeTheFirstLaterEvent() {
    try (SimKernel k = new SimKernel()) {
      Runnable[] tick = new Runnable[1];
      tick[0] = () -> k.scheduleAfter(7, 0, EventLabel.of("tick"), tick[0]);
      k.scheduleAt(0, 0, EventLabel.of("tick"), tick[0]);
      RunResult r = k.run(new RunLimits(1_000_000, 100));
      assertThat(r).isEqualTo(new RunResult(StopReason.TIME_LIMIT, 15, 98));
      assertThat(k.pendingEvents()).isEqualTo(1);
      assertThat(k.pendingList()).containsExactly(new PendingEvent(105, 0, EventLabel.of("tick")));
    }
  }

  @Test
  void stopFromAHandlerEndsTheRunAfterThatEvent() {
    List<Long> seen = new ArrayList<>();
    try (SimKernel k = new SimKernel()) {
      for (long t = 1; t <= 5; t++) {
        long at = t;
        k.scheduleAt(at, 0, EventLabel.of("e"), () -> {
          seen.add(at);
          if (at == 3) {
            k.stop();
          }
        });
      }
      assertThat(k.run(LIMITS)).isEqualTo(new RunResult(StopReason.STOPPED, 3, 3));
    }
    assertThat(seen).containsExactly(1L, 2L, 3L);
  }

  @Test
  void handlerExceptionSurfacesWithTheEventNamed() {
    try (SimKernel k = new SimKernel()) {
      k.scheduleAt(42, 0, EventLabel.of("dispatch", 9), () -> {
        throw new IllegalStateException("no idle core");
      });
      assertThatThrownBy(() -> k.run(LIMITS))
          .isInstanceOf(SimEventException.class)
          .hasMessage("event 'dispatch task=9' at 42 ns failed: java.lang.IllegalStateException: no idle core")
          .hasCauseInstanceOf(IllegalStateException.class)
          .satisfies(e -> assertThat(((SimEventException) e).label()).isEqualTo(EventLabel.of("dispatch", 9)));
    }
  }

  @Test
  void schedulingInThePastIsRejected() {
    try (SimKernel k = new SimKernel()) {
      k.scheduleAt(10, 0, EventLabel.of("later"), () -> k.scheduleAt(9, 0, EventLabel.of("past"), () -> {}));
      assertThatThrownBy(() -> k.run(LIMITS))
          .isInstanceOf(SimEventException.class)
          .hasMessageContaining("cannot schedule 'past' at 9 ns, before now 10 ns");
    }
  }

  @Test
  void pendingListIsInExecutionOrderWithoutDsolIds() {
    try (SimKernel k = new SimKernel()) {
      k.scheduleAt(30, 0, EventLabel.of("c", 3), () -> {});
      k.scheduleAt(10, 5, EventLabel.of("b", 2), () -> {});
      k.scheduleAt(10, 1, EventLabel.of("a", 1), () -> {});
      assertThat(k.pendingList()).containsExactly(
          new PendingEvent(10, 1, EventLabel.of("a", 1)),
          new PendingEvent(10, 5, EventLabel.of("b", 2)),
          new PendingEvent(30, 0, EventLabel.of("c", 3)));
    }
  }

  @Test
  void shuffleOrderIsReproducibleForOneSeedAndDiffersAcrossSeeds() {
    assertThat(tieOrder(TieBreak.shuffle(7))).isEqualTo(tieOrder(TieBreak.shuffle(7)));
    assertThat(tieOrder(TieBreak.shuffle(7))).isNotEqualTo(tieOrder(TieBreak.shuffle(8)));
    assertThat(tieOrder(TieBreak.fifo())).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    // Rank still comes first in shuffle mode.
    List<String> order = new ArrayList<>();
    try (SimKernel k = new SimKernel(TieBreak.shuffle(3))) {
      for (int i = 0; i < 10; i++) {
        k.scheduleAt(1, 1, EventLabel.of("late"), () -> order.add("late"));
        k.scheduleAt(1, 0, EventLabel.of("early"), () -> order.add("early"));
      }
      k.run(LIMITS);
    }
    assertThat(order.subList(0, 10)).containsOnly("early");
  }

  private static List<Integer> tieOrder(TieBreak tieBreak) {
    List<Integer> order = new ArrayList<>();
    try (SimKernel k = new SimKernel(tieBreak)) {
      for (int i = 0; i < 16; i++) {
        int n = i;
        k.scheduleAt(100, 0, EventLabel.of("tie"), () -> order.add(n));
      }
      k.run(LIMITS);
    }
    return order;
  }

  @Test
  void tieBreakParsesTheCliSpelling() {
    assertThat(TieBreak.parse("fifo")).isEqualTo(TieBreak.fifo());
    assertThat(TieBreak.parse("shuffle:12")).isEqualTo(TieBreak.shuffle(12));
    assertThatThrownBy(() -> TieBreak.parse("random")).hasMessage("bad tie-break 'random': expected fifo or shuffle:SEED");
    assertThatThrownBy(() -> TieBreak.parse("shuffle:x")).hasMessage("bad tie-break 'shuffle:x': seed is not a number");
  }

  @Test
  void aJvmWhoseHandlerThrowsStillExitsAndNamesTheEvent() throws Exception {
    Forked f = Forked.run(ThrowingMain.class);
    assertThat(f.exitCode()).isEqualTo(1);
    assertThat(f.stderr()).contains("event 'explode task=7' at 5 ns failed: java.lang.IllegalStateException: boom");
  }

  @Test
  void closeIsIdempotentAndRefusesFurtherScheduling() {
    SimKernel k = new SimKernel();
    k.close();
    k.close();
    assertThatThrownBy(() -> k.scheduleAt(1, 0, EventLabel.of("x"), () -> {})).hasMessage("kernel is closed");
  }
}
