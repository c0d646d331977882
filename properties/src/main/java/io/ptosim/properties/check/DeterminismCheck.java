package io.ptosim.properties.check;

import com.google.common.collect.ImmutableList;
import io.ptosim.des.event.TraceEvent;
import io.ptosim.des.kernel.TieBreak;
import io.ptosim.properties.run.Observation;
import io.ptosim.properties.run.RunSettings;
import io.ptosim.properties.run.Runs;
import io.ptosim.scheduler.program.Program;

/**
 * Property (b), determinism and tie-order independence:
 *
 * <ol>
 *   <li>the same program and settings run twice give the same trace hash and the same events;
 *   <li>under a shuffled tie-break (same-instant, same-rank events in a seeded order) the correct
 *       runtime reaches the same outcome as under FIFO, submits the same number of tasks and
 *       completes the same number: whether a stall clears depends only on which tasks an open scope
 *       (or an unpublished consumer) pins, not on which thread noticed what first. The exception is
 *       the version's own race: under pr482 a run that leaves a CONSUMED head behind ({@link
 *       AdvanceRace}, upstream #1545) depends on which thread took the advance lock.
 * </ol>
 */
public final class DeterminismCheck {
  private DeterminismCheck() {}

  /** Part 1: two runs of the same program and settings under {@code policy} have the same trace. */
  public static ImmutableList<String> repeatable(Program program, RunSettings settings, String policy) {
    return repeatable(Runs.run(program, settings, policy), Runs.run(program, settings, policy));
  }

  /** Part 1 on two runs already made of the same program, settings and policy. */
  public static ImmutableList<String> repeatable(Observation first, Observation second) {
    Problems.Collector out = new Problems.Collector();
    if (!first.traceHash().equals(second.traceHash())) {
      out.add("two identical runs differ: trace hash " + first.traceHash() + " vs " + second.traceHash()
          + firstDifference(first.events(), second.events()));
    }
    return out.build();
  }

  /** Part 2: under {@code shuffle:shuffleSeed} the run ends as under FIFO (see the class comment). */
  public static ImmutableList<String> tieOrderIndependent(Program program, RunSettings settings, String policy,
      long shuffleSeed) {
    return tieOrderIndependent(Runs.run(program, settings.withTieBreak(TieBreak.fifo()), policy),
        Runs.run(program, settings.withTieBreak(TieBreak.shuffle(shuffleSeed)), policy), shuffleSeed);
  }

  /** Part 2 on a FIFO run and a {@code shuffle:shuffleSeed} run already made, same program, settings and policy. */
  public static ImmutableList<String> tieOrderIndependent(Observation fifo, Observation shuffle, long shuffleSeed) {
    Problems.Collector out = new Problems.Collector();
    if (!shuffle.outcome().equals(fifo.outcome())) {
      out.add("outcome depends on tie order: " + fifo.summary() + " but " + shuffle.summary());
    }
    int submittedFifo = fifo.events(TraceEvent.Submit.class).size();
    int submittedShuffle = shuffle.events(TraceEvent.Submit.class).size();
    if (submittedFifo != submittedShuffle) {
      out.add("submitted tasks depend on tie order: " + submittedFifo + " under fifo, " + submittedShuffle
          + " under shuffle:" + shuffleSeed);
    }
    long completedFifo = fifo.report().map(r -> r.tasksCompleted()).orElse(-1L);
    long completedShuffle = shuffle.report().map(r -> r.tasksCompleted()).orElse(-1L);
    if (completedFifo != completedShuffle) {
      out.add("completed tasks depend on tie order: " + completedFifo + " under fifo, " + completedShuffle
          + " under shuffle:" + shuffleSeed);
    }
    if (!out.isEmpty() && (AdvanceRace.lostIn(fifo) || AdvanceRace.lostIn(shuffle))) {
      // pr482's try-lock loser returns: which thread takes the advance lock first decides whether
      // last_alive stays behind a CONSUMED head (#1545), so there the order of ties rightly matters.
      return ImmutableList.of();
    }
    return out.build();
  }

  private static String firstDifference(ImmutableList<TraceEvent> a, ImmutableList<TraceEvent> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      if (!a.get(i).equals(b.get(i))) {
        return "; first difference at event " + i + ": " + a.get(i) + " vs " + b.get(i);
      }
    }
    return "; one trace is a prefix of the other (" + a.size() + " vs " + b.size() + " events)";
  }
}
