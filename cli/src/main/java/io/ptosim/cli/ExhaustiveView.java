package io.ptosim.cli;

import io.ptosim.analysis.exhaustive.ExhaustiveSearch;
import io.ptosim.analysis.exhaustive.Retirement;
import io.ptosim.analysis.exhaustive.Step;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.VerdictKind;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** {@code ptosim check --exhaustive}: runs the exhaustive search and renders it next to the checker's verdict. */
final class ExhaustiveView {
  private ExhaustiveView() {}

  /** Searches {@code snapshot}; a snapshot outside the oracle is a one-line input error (and a JSON error object). */
  static int run(Snapshot snapshot, Verdict verdict, String name, boolean json, PrintWriter out) {
    ExhaustiveSearch search;
    try {
      if (verdict.kind() == VerdictKind.INVARIANT_VIOLATION) {
        throw new IllegalArgumentException("the checker finds an invariant violation, which the search does not model: "
            + verdict.reason());
      }
      search = new ExhaustiveSearch(snapshot);
    } catch (IllegalArgumentException refused) {
      String message = name + ": outside the exhaustive oracle: " + refused.getMessage();
      if (json) {
        Map<String, Object> error = Json.object();
        error.put("error", message);
        out.println(Json.write(error));
      }
      throw new UserInputException(message);
    }
    String expected = search.expectedVerdict().map(Enum::name).orElse("none (only some futures retire the head)");
    boolean agree = expected.equals(verdict.kind().name());
    String head = search.head().isPresent()
        ? "ring " + snapshot.targetRing() + " head task " + search.head().getAsLong() : "nothing (ring empty)";
    if (json) {
      Map<String, Object> o = Json.object();
      o.put("head", head);
      o.put("retirement", search.retirement().name());
      o.put("rulesAllowRetirement", search.rulesAllowRetirement());
      o.put("expectedVerdict", search.expectedVerdict().map(Enum::name).orElse(null));
      o.put("checkerVerdict", verdict.kind().name());
      o.put("agree", agree);
      o.put("schedule", texts(search.schedule()));
      o.put("scheduleIsShortest", search.scheduleIsShortest());
      o.put("deadEndSchedule", search.deadEndSchedule().map(ExhaustiveView::texts).orElse(null));
      o.put("deadEnd", search.deadEnd());
      o.put("rulesSchedule", texts(search.rulesSchedule()));
      o.put("statesExplored", search.statesExplored());
      out.println(Json.write(o));
      return ExitCodes.OK;
    }
    out.println("exhaustive search (bound " + ExhaustiveSearch.DEFAULT_BOUND + " live tasks) on " + head + ":");
    out.println("answer:   " + switch (search.retirement()) {
      case EVERY_FAIR_FUTURE -> "retired in every fair future";
      case SOME_FUTURE_ONLY -> "retired in some futures only";
      case NO_FUTURE -> "retired in no future" + (search.rulesAllowRetirement()
          ? " of the enabled transitions, although the rules allow it" : ", not even by the rules");
    });
    out.println("expected: " + expected + "; checker: " + verdict.kind().name() + (agree ? " (agree)" : " (DISAGREE)"));
    if (search.retirement() != Retirement.NO_FUTURE) {
      print(out, (search.scheduleIsShortest() ? "shortest schedule" : "schedule (reduced search; not proven shortest)"),
          search.schedule());
    }
    search.deadEndSchedule().ifPresent(steps -> {
      print(out, "dead end reached by", steps);
      out.println("left at the dead end:");
      search.deadEnd().forEach(line -> out.println("  - " + line));
    });
    if (!search.rulesSchedule().isEmpty()) {
      print(out, "what the rules allow (a lost transition)", search.rulesSchedule());
    }
    out.println("states:   " + search.statesExplored() + " explored");
    return ExitCodes.OK;
  }

  private static void print(PrintWriter out, String title, List<Step> steps) {
    out.println(title + " (" + steps.size() + " step" + (steps.size() == 1 ? "" : "s") + "):");
    for (int i = 0; i < steps.size(); i++) {
      out.println("  " + (i + 1) + ". " + steps.get(i).text());
    }
  }

  private static List<String> texts(List<Step> steps) {
    return steps.stream().map(Step::text).toList();
  }
}
