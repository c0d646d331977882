package io.ptosim.analysis.exhaustive;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.verdict.VerdictKind;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The exhaustive oracle: an explicit-state search over the runtime's abstract transitions from a
 * small snapshot (see {@link TransitionKind}, {@link Semantics}). It answers in which futures the
 * ring head the orchestrator waits on is retired, gives a shortest schedule that retires it or a
 * reachable dead end, and the verdict the checker must give. Everything is computed at
 * construction; the query methods only read.
 *
 * <p>The system terminates (every transition moves a task forward, or releases or publishes
 * something, and none can be undone), so a fair future is a maximal one and ends in a state that
 * enables nothing: every fair future retires the head iff no such dead end is reachable without
 * retiring it.
 */
public final class ExhaustiveSearch {
  /** The default bound on live tasks. */
  public static final int DEFAULT_BOUND = 14;
  /** States the reduced search may visit before it gives up. */
  public static final int REDUCED_BUDGET = 4_000_000;
  /** States the unreduced search for a shortest schedule may visit by default. */
  public static final int DEFAULT_SHORTEST_BUDGET = 500_000;

  /**
   * How far to search.
   *
   * @param bound snapshots with more live tasks are refused
   * @param shortestBudget states the unreduced search for a shortest schedule may visit; 0 skips
   *     it (the schedule is then the reduced search's, not proven shortest)
   */
  public record Options(int bound, int shortestBudget) {
    /** Non-negative values. */
    public Options {
      checkArgument(bound >= 1, "bound %s < 1", bound);
      checkArgument(shortestBudget >= 0, "shortest budget %s < 0", shortestBudget);
    }

    /** Bound 14 and no unreduced search: the answer and verdict only, as campaigns need. */
    public static Options answerOnly() {
      return new Options(DEFAULT_BOUND, 0);
    }

    /** Bound 14, shortest schedules up to 500,000 states. */
    public static Options defaults() {
      return new Options(DEFAULT_BOUND, DEFAULT_SHORTEST_BUDGET);
    }
  }

  private final Snapshot snapshot;
  private final OptionalLong head;
  private final Retirement retirement;
  private final boolean rulesAllow;
  private final ImmutableList<Step> schedule;
  private final boolean shortest;
  private final ImmutableList<Step> deadEndSchedule;
  private final ImmutableList<String> deadEnd;
  private final ImmutableList<Step> rulesSchedule;
  private final long states;

  /** Searches {@code snapshot} with {@link Options#defaults()}. */
  public ExhaustiveSearch(Snapshot snapshot) {
    this(snapshot, Options.defaults());
  }

  /**
   * Searches {@code snapshot}.
   *
   * @throws IllegalArgumentException (one line) when the snapshot is outside the oracle: more live
   *     tasks than the bound, unknown edges, counters that disagree with the edges, a missing head,
   *     or a state space beyond {@link #REDUCED_BUDGET}
   */
  public ExhaustiveSearch(Snapshot snapshot, Options options) {
    this.snapshot = checkNotNull(snapshot, "snapshot");
    checkNotNull(options, "options");
    TransitionSystem system = new TransitionSystem(snapshot, options.bound());
    head = system.headId();
    StateSearch enabled = new StateSearch(system, Semantics.ENABLED, true, false, REDUCED_BUDGET);
    checkArgument(enabled.exhausted(), "the reduced state space exceeds %s states", REDUCED_BUDGET);
    long visited = enabled.states();
    retirement = !enabled.goalReached() ? Retirement.NO_FUTURE
        : enabled.deadEndReached() ? Retirement.SOME_FUTURE_ONLY : Retirement.EVERY_FAIR_FUTURE;
    deadEndSchedule = enabled.scheduleToDeadEnd();
    deadEnd = enabled.deadEndState();
    if (enabled.goalReached()) {
      rulesAllow = true;
      rulesSchedule = ImmutableList.of();
      StateSearch full = options.shortestBudget() == 0 ? null
          : new StateSearch(system, Semantics.ENABLED, false, true, options.shortestBudget());
      if (full != null) {
        visited += full.states();
      }
      shortest = full != null && full.goalReached();
      schedule = shortest ? full.scheduleToGoal() : enabled.scheduleToGoal();
    } else {
      StateSearch rules = new StateSearch(system, Semantics.RULES, true, true, REDUCED_BUDGET);
      checkArgument(rules.exhausted(), "the reduced state space exceeds %s states", REDUCED_BUDGET);
      visited += rules.states();
      rulesAllow = rules.goalReached();
      rulesSchedule = rules.scheduleToGoal();
      schedule = ImmutableList.of();
      shortest = false;
    }
    states = visited;
  }

  /** The searched snapshot. */
  public Snapshot snapshot() {
    return snapshot;
  }

  /** The head task in question; empty when the target ring is empty and nothing waits. */
  public OptionalLong head() {
    return head;
  }

  /** In which futures the snapshot's enabled transitions retire the head. */
  public Retirement retirement() {
    return retirement;
  }

  /**
   * Whether the runtime's rules allow retiring the head without the blocked orchestrator
   * ({@link Semantics#RULES}): true whenever some enabled future retires it.
   */
  public boolean rulesAllowRetirement() {
    return rulesAllow;
  }

  /** A schedule of enabled transitions that retires the head; empty when none does (or none is needed). */
  public ImmutableList<Step> schedule() {
    return schedule;
  }

  /** Whether {@link #schedule()} is proven shortest (the unreduced search found it within its budget). */
  public boolean scheduleIsShortest() {
    return shortest;
  }

  /** A schedule to a reachable dead end that leaves the head unretired; empty when there is none. */
  public Optional<ImmutableList<Step>> deadEndSchedule() {
    return retirement == Retirement.EVERY_FAIR_FUTURE ? Optional.empty() : Optional.of(deadEndSchedule);
  }

  /** What is left at that dead end, one line per open scope and per task not yet CONSUMED. */
  public ImmutableList<String> deadEnd() {
    return deadEnd;
  }

  /**
   * When no enabled future retires the head but the rules allow it, a schedule the rules allow
   * (it takes the lost transition); empty otherwise.
   */
  public ImmutableList<Step> rulesSchedule() {
    return rulesSchedule;
  }

  /** States visited by all searches together. */
  public long statesExplored() {
    return states;
  }

  /**
   * The verdict the checker must give (docs/checker.md): UNRETIRED_PROGRESS iff every fair future
   * retires the head, REAL_DEADLOCK iff not even the rules allow it without the blocked
   * orchestrator, LOST_WAKEUP iff the rules allow it but no enabled future does it. Empty when only
   * some futures retire it, which no verdict describes.
   */
  public Optional<VerdictKind> expectedVerdict() {
    return switch (retirement) {
      case EVERY_FAIR_FUTURE -> Optional.of(VerdictKind.UNRETIRED_PROGRESS);
      case SOME_FUTURE_ONLY -> Optional.empty();
      case NO_FUTURE -> Optional.of(rulesAllow ? VerdictKind.LOST_WAKEUP : VerdictKind.REAL_DEADLOCK);
    };
  }
}
