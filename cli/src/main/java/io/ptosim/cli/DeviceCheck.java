package io.ptosim.cli;

import io.ptosim.analysis.device.DeviceDecision;
import io.ptosim.analysis.device.DeviceLog;
import io.ptosim.analysis.device.DeviceLogException;
import io.ptosim.analysis.device.DeviceLogReader;
import io.ptosim.analysis.device.Dialect;
import io.ptosim.analysis.device.NotTextException;
import io.ptosim.analysis.device.RebuiltState;
import io.ptosim.analysis.device.RunStateRebuilder;
import io.ptosim.analysis.verdict.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;

/** {@code ptosim check} on a device log: read it, decide from what it prints, report. */
final class DeviceCheck {
  private DeviceCheck() {}

  /** The log as read and, when it holds no seed snapshot records, its verdict. */
  record Result(DeviceLog log, Optional<Verdict> verdict) {}

  static Result read(CheckInput input, Optional<Dialect> dialect) {
    String name = input.name();
    try {
      DeviceLog log = new DeviceLogReader(dialect).read(input.log());
      if (log.seedTaskRecord().isPresent()) {
        return new Result(log, Optional.empty());
      }
      return new Result(log, Optional.of(DeviceDecision.decide(log)));
    } catch (DeviceLogException e) {
      throw new CheckLineException(name + ": " + e.getMessage(), e.line());
    } catch (NotTextException e) {
      throw new CheckLineException(name + ": " + e.getMessage(), e.line());
    } catch (IOException e) {
      throw new UserInputException("cannot read " + name + ": " + TextInput.reason(e));
    }
  }

  static void print(Result result, Optional<RebuiltState> rebuilt, CheckInput input, boolean json, PrintWriter out) {
    DeviceLog log = result.log();
    Verdict fromLog = result.verdict().orElseThrow();
    Verdict verdict = rebuilt.map(RunStateRebuilder::verdict).orElse(fromLog);
    if (json) {
      Map<String, Object> o = VerdictView.toJson(verdict);
      rebuilt.ifPresent(r -> {
        Map<String, Object> state = Json.object();
        state.put("tasks", r.snapshot().tasks().size());
        state.put("derived", r.derived());
        state.put("assumed", r.assumed());
        state.put("logVerdict", fromLog.kind().name());
        o.put("rebuiltState", state);
      });
      o.put("dialect", log.dialect().name());
      o.put("dialectReason", log.dialectReason());
      o.put("lines", log.lines());
      o.put("records", log.recordCount());
      o.put("skippedLines", log.skippedLines());
      o.put("sideFiles", input.sideFiles());
      out.println(Json.write(o));
      return;
    }
    VerdictView.print(verdict, out);
    if (rebuilt.isPresent()) {
      RebuiltState r = rebuilt.get();
      out.println("state:   rebuilt from the side files at the end of their records (" + r.snapshot().tasks().size()
          + " live tasks), decided as a full snapshot");
      r.derived().forEach(d -> out.println("  derived: " + d));
      r.assumed().forEach(a -> out.println("  assumed: " + a));
      out.println("log alone: " + fromLog.kind().name());
    }
    out.println("dialect: " + log.dialect().name() + " (" + log.dialectReason() + ")");
    out.println("lines:   " + log.lines() + " (" + log.recordCount() + " records, " + log.skippedLines()
        + " lines without a record skipped)");
    if (rebuilt.isEmpty() && !input.sideFiles().isEmpty()) {
      out.println("side files present, not read (rebuilding the state needs deps.json and chip_swimlane_records.json): " + String.join(", ", input.sideFiles()));
    }
  }
}
