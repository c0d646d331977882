package io.ptosim.cli;

import io.ptosim.des.trace.TraceSink;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.upstream.DepsJson;
import io.ptosim.scheduler.upstream.DepsRecorder;
import io.ptosim.scheduler.upstream.ScopeStatsJsonl;
import io.ptosim.scheduler.upstream.ScopeStatsRecorder;
import io.ptosim.scheduler.upstream.SwimlaneJson;
import io.ptosim.scheduler.upstream.SwimlaneRecorder;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code run --deps-out/--swimlane-out/--scope-stats-out}: the recorders a run feeds, and the files written after it. */
final class UpstreamExports {
  private final Path depsOut;
  private final Path swimlaneOut;
  private final Path scopeStatsOut;
  private final DepsRecorder deps;
  private final SwimlaneRecorder swimlane;
  private final ScopeStatsRecorder scopeStats;

  private UpstreamExports(RunConfig config, Path depsOut, Path swimlaneOut, Path scopeStatsOut) {
    this.depsOut = depsOut;
    this.swimlaneOut = swimlaneOut;
    this.scopeStatsOut = scopeStatsOut;
    this.deps = depsOut == null ? null : new DepsRecorder(config.program());
    this.swimlane = swimlaneOut == null ? null : new SwimlaneRecorder(config.platform());
    this.scopeStats = scopeStatsOut == null ? null : new ScopeStatsRecorder(config.program(), config.rings());
  }

  static UpstreamExports of(RunConfig config, Path depsOut, Path swimlaneOut, Path scopeStatsOut) {
    return new UpstreamExports(config, depsOut, swimlaneOut, scopeStatsOut);
  }

  List<TraceSink> sinks() {
    List<TraceSink> out = new ArrayList<>();
    if (deps != null) {
      out.add(deps);
    }
    if (swimlane != null) {
      out.add(swimlane);
    }
    if (scopeStats != null) {
      out.add(scopeStats);
    }
    return out;
  }

  void write() throws IOException {
    if (deps != null) {
      try (OutputStream os = new BufferedOutputStream(OutputFiles.stream(depsOut, "--deps-out"), 1 << 16)) {
        DepsJson.write(deps.graph(), os);
      }
    }
    if (swimlane != null) {
      try (Writer w = OutputFiles.writer(swimlaneOut, "--swimlane-out")) {
        SwimlaneJson.write(swimlane.records(), w);
      }
    }
    if (scopeStats != null) {
      try (Writer w = OutputFiles.writer(scopeStatsOut, "--scope-stats-out")) {
        ScopeStatsJsonl.write(scopeStats.stats(), w);
      }
    }
  }
}
