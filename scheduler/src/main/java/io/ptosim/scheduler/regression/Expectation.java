package io.ptosim.scheduler.regression;

import com.google.common.base.Preconditions;
import io.ptosim.scheduler.policy.StallRecord;
import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a catalogued run must show: its outcome, a fragment of its message, the device's error code,
 * the verdict of the finding that ended it, the verdict every stall must carry, the number of
 * stalls, and bounds on the virtual time it ended at. Empty parts are not checked.
 */
public record Expectation(
    Outcome outcome, Optional<String> messageContains, OptionalInt errorCode, Optional<String> finalVerdict,
    Optional<String> everyStallVerdict, OptionalInt stallCount, OptionalLong endsAtLeastNs, OptionalLong endsAtMostNs) {

  public Expectation {
    Preconditions.checkNotNull(outcome, "outcome");
    Preconditions.checkNotNull(messageContains, "messageContains");
    Preconditions.checkNotNull(errorCode, "errorCode");
    Preconditions.checkNotNull(finalVerdict, "finalVerdict");
    Preconditions.checkNotNull(everyStallVerdict, "everyStallVerdict");
    Preconditions.checkNotNull(stallCount, "stallCount");
    Preconditions.checkNotNull(endsAtLeastNs, "endsAtLeastNs");
    Preconditions.checkNotNull(endsAtMostNs, "endsAtMostNs");
  }

  public static Expectation outcome(Outcome outcome) {
    return new Expectation(outcome, Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(),
        OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty());
  }

  public Expectation message(String fragment) {
    return new Expectation(outcome, Optional.of(fragment), errorCode, finalVerdict, everyStallVerdict, stallCount, endsAtLeastNs, endsAtMostNs);
  }

  /** The device's error code (upstream's numbering). */
  public Expectation code(int code) {
    return new Expectation(outcome, messageContains, OptionalInt.of(code), finalVerdict, everyStallVerdict, stallCount, endsAtLeastNs, endsAtMostNs);
  }

  public Expectation verdict(String verdict) {
    return new Expectation(outcome, messageContains, errorCode, Optional.of(verdict), everyStallVerdict, stallCount, endsAtLeastNs, endsAtMostNs);
  }

  public Expectation everyStall(String verdict) {
    return new Expectation(outcome, messageContains, errorCode, finalVerdict, Optional.of(verdict), stallCount, endsAtLeastNs, endsAtMostNs);
  }

  /** Exactly {@code count} stalls (0: the orchestrator never waited for a ring long enough to be judged). */
  public Expectation stalls(int count) {
    Preconditions.checkArgument(count >= 0, "stall count %s", count);
    return new Expectation(outcome, messageContains, errorCode, finalVerdict, everyStallVerdict, OptionalInt.of(count), endsAtLeastNs, endsAtMostNs);
  }

  /** The run ends no earlier than {@code ns} of virtual time (e.g. a backstop that waited). */
  public Expectation atLeastNs(long ns) {
    return new Expectation(outcome, messageContains, errorCode, finalVerdict, everyStallVerdict, stallCount, OptionalLong.of(ns), endsAtMostNs);
  }

  /** The run ends no later than {@code ns} of virtual time (e.g. an abort that came at once). */
  public Expectation atMostNs(long ns) {
    return new Expectation(outcome, messageContains, errorCode, finalVerdict, everyStallVerdict, stallCount, endsAtLeastNs, OptionalLong.of(ns));
  }

  /** The differences between this expectation and {@code report}; empty when it matches. */
  public List<String> mismatches(RunReport report) {
    List<String> out = new ArrayList<>();
    if (report.outcome() != outcome) {
      out.add("outcome " + report.outcome() + ", expected " + outcome);
    }
    messageContains.ifPresent(m -> {
      if (!report.message().contains(m)) {
        out.add("message '" + report.message() + "' lacks '" + m + "'");
      }
    });
    errorCode.ifPresent(c -> {
      if (report.exitCode() != c) {
        out.add("error code " + report.exitCode() + ", expected " + c);
      }
    });
    finalVerdict.ifPresent(v -> {
      String actual = report.finding().map(f -> f.verdict()).orElse("none");
      if (!actual.equals(v)) {
        out.add("verdict " + actual + ", expected " + v);
      }
    });
    everyStallVerdict.ifPresent(v -> {
      for (StallRecord s : report.stalls()) {
        if (!s.verdict().map(v::equals).orElse(false)) {
          out.add("stall at " + s.atNs() + " ns judged " + s.verdict().orElse("nothing") + ", expected " + v);
          break;
        }
      }
    });
    stallCount.ifPresent(n -> {
      if (report.stalls().size() != n) {
        out.add(report.stalls().size() + " stalls, expected " + n);
      }
    });
    endsAtLeastNs.ifPresent(t -> {
      if (report.virtualTimeNs() < t) {
        out.add("ended at " + report.virtualTimeNs() + " ns, expected at least " + t);
      }
    });
    endsAtMostNs.ifPresent(t -> {
      if (report.virtualTimeNs() > t) {
        out.add("ended at " + report.virtualTimeNs() + " ns, expected at most " + t);
      }
    });
    return out;
  }

  /** One line for tables: e.g. {@code COMPLETED, every stall UNRETIRED_PROGRESS}. */
  public String describe() {
    StringBuilder sb = new StringBuilder(outcome.name());
    messageContains.ifPresent(m -> sb.append(", message '").append(m).append('\''));
    errorCode.ifPresent(c -> sb.append(", code ").append(c));
    finalVerdict.ifPresent(v -> sb.append(", verdict ").append(v));
    everyStallVerdict.ifPresent(v -> sb.append(", every stall ").append(v));
    stallCount.ifPresent(n -> sb.append(", ").append(n).append(n == 1 ? " stall" : " stalls"));
    endsAtLeastNs.ifPresent(t -> sb.append(", ends at >= ").append(t).append(" ns"));
    endsAtMostNs.ifPresent(t -> sb.append(", ends at <= ").append(t).append(" ns"));
    return sb.toString();
  }
}
