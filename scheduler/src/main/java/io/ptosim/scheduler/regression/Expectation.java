package io.ptosim.scheduler.regression;

import com.google.common.base.Preconditions;
import io.ptosim.scheduler.policy.StallRecord;
import io.ptosim.scheduler.run.Outcome;
import io.ptosim.scheduler.run.RunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a catalogued run must show: its outcome, a fragment of its message, the verdict of the
 * finding that ended it, and the verdict every stall must carry. Empty parts are not checked.
 */
public record Expectation(
    Outcome outcome, Optional<String> messageContains, Optional<String> finalVerdict, Optional<String> everyStallVerdict) {

  public Expectation {
    Preconditions.checkNotNull(outcome, "outcome");
    Preconditions.checkNotNull(messageContains, "messageContains");
    Preconditions.checkNotNull(finalVerdict, "finalVerdict");
    Preconditions.checkNotNull(everyStallVerdict, "everyStallVerdict");
  }

  public static Expectation outcome(Outcome outcome) {
    return new Expectation(outcome, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public Expectation message(String fragment) {
    return new Expectation(outcome, Optional.of(fragment), finalVerdict, everyStallVerdict);
  }

  public Expectation verdict(String verdict) {
    return new Expectation(outcome, messageContains, Optional.of(verdict), everyStallVerdict);
  }

  public Expectation everyStall(String verdict) {
    return new Expectation(outcome, messageContains, finalVerdict, Optional.of(verdict));
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
    return out;
  }

  /** One line for tables: e.g. {@code COMPLETED, every stall UNRETIRED_PROGRESS}. */
  public String describe() {
    StringBuilder sb = new StringBuilder(outcome.name());
    messageContains.ifPresent(m -> sb.append(", message '").append(m).append('\''));
    finalVerdict.ifPresent(v -> sb.append(", verdict ").append(v));
    everyStallVerdict.ifPresent(v -> sb.append(", every stall ").append(v));
    return sb.toString();
  }
}
