package io.ptosim.cli;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.ptosim.analysis.device.RunArtifacts;
import io.ptosim.analysis.snapshot.Edge;
import io.ptosim.scheduler.upstream.DepsEdge;
import io.ptosim.scheduler.upstream.DepsGraph;
import io.ptosim.scheduler.upstream.DepsJson;
import io.ptosim.scheduler.upstream.ScopeStats;
import io.ptosim.scheduler.upstream.ScopeStatsJsonl;
import io.ptosim.scheduler.upstream.SwimlaneJson;
import io.ptosim.scheduler.upstream.SwimlaneRecords;
import io.ptosim.scheduler.upstream.UpstreamFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code check --deps/--swimlane/--scope-stats} (or a run folder): reads upstream's side files
 * with scheduler's Jackson readers and hands deadlock-analysis the neutral {@link RunArtifacts}.
 * A bad file is one line naming the file and the field.
 */
final class SideFiles {
  private SideFiles() {}

  /** The side files to read; each may be absent. */
  record Paths(Optional<Path> deps, Optional<Path> swimlane, Optional<Path> scopeStats) {
    boolean any() {
      return deps.isPresent() || swimlane.isPresent() || scopeStats.isPresent();
    }

    boolean canRebuild() {
      return deps.isPresent() && swimlane.isPresent();
    }
  }

  /** The flags given, else the files of a run folder (plain or {@code .gz}). */
  static Paths resolve(Path deps, Path swimlane, Path scopeStats, Optional<Path> folder) {
    return new Paths(
        Optional.ofNullable(deps).or(() -> folder.flatMap(f -> find(f, "deps.json"))),
        Optional.ofNullable(swimlane).or(() -> folder.flatMap(f -> find(f, "chip_swimlane_records.json"))),
        Optional.ofNullable(scopeStats).or(() -> folder.flatMap(f -> find(f, "scope_stats.jsonl"))));
  }

  private static Optional<Path> find(Path folder, String name) {
    for (String n : new String[] {name, name + ".gz"}) {
      Path p = folder.resolve(n);
      if (Files.isRegularFile(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Reads {@code paths}; deps.json and the swimlane are required. */
  static RunArtifacts read(Paths paths) {
    DepsGraph deps = read(paths.deps().orElseThrow(), "--deps", p -> DepsJson.read(p));
    SwimlaneRecords swimlane = read(paths.swimlane().orElseThrow(), "--swimlane", p -> SwimlaneJson.read(p));
    Optional<ScopeStats> scopes = paths.scopeStats().map(p -> read(p, "--scope-stats", q -> ScopeStatsJsonl.read(q)));
    ImmutableList.Builder<RunArtifacts.Task> tasks = ImmutableList.builder();
    for (int i = 0; i < deps.tasks().size(); i++) {
      var t = deps.tasks().get(i);
      if (t.taskId() < 0) {
        throw new UserInputException(paths.deps().get() + ": /tasks/" + i + "/task_id: " + Long.toUnsignedString(t.taskId())
            + " is out of range");
      }
      tasks.add(new RunArtifacts.Task(t.taskId(), t.manualScope(), t.activeMask(), t.blockNum()));
    }
    ImmutableList.Builder<Edge> edges = ImmutableList.builder();
    for (int i = 0; i < deps.edges().size(); i++) {
      DepsEdge e = deps.edges().get(i);
      if (e.pred() < 0 || e.succ() < 0) {
        throw new UserInputException(paths.deps().get() + ": /edges/" + i + ": task id out of range");
      }
      if (e.pred() != e.succ()) {
        edges.add(new Edge(e.pred(), e.succ()));
      }
    }
    Map<Long, Integer> finished = new HashMap<>();
    for (SwimlaneRecords.AicoreTask row : swimlane.aicoreTasks()) {
      finished.merge(row.taskId(), 1, Integer::sum);
    }
    scopes.ifPresent(s -> {
      for (int i = 0; i < s.events().size(); i++) {
        ScopeStats.Event ev = s.events().get(i);
        if (ev.depth() < 0 || ev.ring() < 0) {
          throw new UserInputException(paths.scopeStats().get() + ": line " + (i + 2) + ": "
              + (ev.depth() < 0 ? "depth " + ev.depth() : "ring " + ev.ring()) + " < 0");
        }
      }
    });
    Optional<RunArtifacts.Scopes> scopeArtifacts = scopes.map(s -> new RunArtifacts.Scopes(
        s.header().taskWindowMax(), s.header().fatal(),
        s.events().stream().map(ev -> new RunArtifacts.ScopeEvent(ev.phase().equals("begin"), ev.depth(), ev.ring(), ev.taskWindowEnd()))
            .collect(ImmutableList.toImmutableList())));
    return new RunArtifacts(tasks.build(), edges.build(), Optional.of(ImmutableMap.copyOf(finished)), scopeArtifacts);
  }

  private interface Reader<T> {
    T read(Path p) throws IOException, UpstreamFormatException;
  }

  private static <T> T read(Path path, String flag, Reader<T> reader) {
    try {
      return reader.read(path);
    } catch (UpstreamFormatException e) {
      throw new UserInputException(path + ": " + e.getMessage());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UserInputException(path + ": " + e.getMessage());
    } catch (IOException e) {
      throw new UserInputException(flag + " " + path + ": cannot read: " + TextInput.reason(e));
    }
  }
}
