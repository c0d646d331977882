package io.ptosim.analysis.text;

import static com.google.common.base.Preconditions.checkNotNull;

import io.ptosim.analysis.snapshot.DepPoolRecord;
import io.ptosim.analysis.snapshot.FaninPoolRecord;
import io.ptosim.analysis.snapshot.Edge;
import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.PendingEvent;
import io.ptosim.analysis.snapshot.RingRecord;
import io.ptosim.analysis.snapshot.ScopeRecord;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.snapshot.TaskRecord;
import io.ptosim.analysis.snapshot.TraceEvidence;
import io.ptosim.analysis.snapshot.TraceKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes a snapshot in the text format {@link SnapshotParser} reads, every record explicit, in the
 * snapshot's own order, so that {@code parse(print(s))} equals {@code s} (for snapshots whose
 * counters are well formed: a corrupted {@code a/b} with {@code a > b} prints but does not parse).
 */
public final class SnapshotPrinter {
  /** The first line of every printed snapshot. */
  public static final String HEADER = "# ptosim stall snapshot (format: docs/snapshot-format.md)";

  private SnapshotPrinter() {}

  /** The snapshot as text. */
  public static String print(Snapshot snapshot) {
    StringBuilder out = new StringBuilder(64 + 96 * snapshot.tasks().size());
    try {
      print(snapshot, out);
    } catch (IOException e) {
      throw new UncheckedIOException("appending to a StringBuilder cannot fail", e);
    }
    return out.toString();
  }

  /** Writes the snapshot as UTF-8 text to {@code file}. */
  public static void write(Snapshot snapshot, Path file) throws IOException {
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      print(snapshot, writer);
    }
  }

  /** Appends the snapshot's text to {@code out}. */
  public static void print(Snapshot snapshot, Appendable out) throws IOException {
    checkNotNull(snapshot, "snapshot");
    checkNotNull(out, "out");
    out.append(HEADER).append('\n');
    for (RingRecord ring : snapshot.rings()) {
      out.append("ring=").append(Integer.toString(ring.ring()))
          .append(" window=").append(Long.toString(ring.window()))
          .append(" last_alive=").append(Long.toString(ring.lastAlive()))
          .append(" current=").append(Long.toString(ring.current()));
      if (ring.depPool().isPresent()) {
        DepPoolRecord pool = ring.depPool().get();
        out.append(" dep_pool=").append(Long.toString(pool.used())).append('/').append(Long.toString(pool.size()))
            .append(" dep_reclaim_at=").append(Long.toString(pool.reclaimAt()));
      }
      if (ring.faninPool().isPresent()) {
        FaninPoolRecord pool = ring.faninPool().get();
        out.append(" fanin_pool=").append(Long.toString(pool.used())).append('/').append(Long.toString(pool.size()))
            .append(" fanin_held=").append(Long.toString(pool.held()));
      }
      out.append('\n');
    }
    out.append(orchestrator(snapshot.orchestrator())).append('\n');
    for (ScopeRecord scope : snapshot.scopes()) {
      out.append("scope=").append(Long.toString(scope.id()))
          .append(" mode=").append(scope.mode().name())
          .append(" state=").append(scope.open() ? "open" : "closed");
      if (scope.ring().isPresent()) {
        out.append(" ring=").append(Integer.toString(scope.ring().getAsInt()));
      }
      if (scope.depth().isPresent()) {
        out.append(" depth=").append(Integer.toString(scope.depth().getAsInt()));
      }
      out.append('\n');
    }
    for (TaskRecord task : snapshot.tasks()) {
      task(task, out);
    }
    edges(snapshot.edges(), out);
    pending(snapshot.pending(), out);
    for (TraceEvidence trace : snapshot.evidence()) {
      out.append(trace.kind().marker());
      if (trace.kind() == TraceKind.DISPATCH) {
        out.append(" thread=").append(Integer.toString(trace.thread().getAsInt()))
            .append(" shape=").append(Integer.toString(trace.shape()))
            .append(" task=").append(Long.toString(trace.task()))
            .append(" block=").append(trace.count().toString());
      } else {
        out.append(" task=").append(Long.toString(trace.task()))
            .append(" shape=").append(Integer.toString(trace.shape()))
            .append(" fanin=").append(trace.count().toString());
      }
      out.append('\n');
    }
  }

  /** One task line, the device's fields first. */
  static void task(TaskRecord task, Appendable out) throws IOException {
    out.append("task=").append(Long.toString(task.id()))
        .append(" state=").append(Integer.toString(task.state().code()))
        .append(" fanin=").append(task.fanin().toString())
        .append(" fanout=").append(task.fanout().toString())
        .append(" active_mask=").append(Integer.toString(task.activeMask()))
        .append(" done=").append(task.done().toString())
        .append(" block_num=").append(Integer.toString(task.blockNum()))
        .append(" next_block=").append(Integer.toString(task.nextBlock()));
    if (task.ring().isPresent()) {
      out.append(" ring=").append(Integer.toString(task.ring().getAsInt()));
    }
    if (task.scope().isPresent()) {
      out.append(" scope=").append(Long.toString(task.scope().getAsLong()));
    }
    if (task.hidden()) {
      out.append(" kind=alloc");
    }
    out.append('\n');
  }

  private static String orchestrator(OrchestratorState state) {
    return switch (state.kind()) {
      case BLOCKED -> {
        OrchestratorState.Blocked blocked = (OrchestratorState.Blocked) state;
        yield "orchestrator=blocked waiting=" + blocked.waiting().token() + " ring=" + blocked.ring()
            + (blocked.needed() > 0 ? " needed=" + blocked.needed() : "")
            + (blocked.scope().isPresent() ? " scope=" + blocked.scope().getAsLong() : "");
      }
      case RUNNING -> "orchestrator=running";
      case FINISHED -> "orchestrator=finished";
    };
  }

  private static void edges(Optional<? extends List<Edge>> edges, Appendable out) throws IOException {
    if (edges.isEmpty()) {
      return;
    }
    if (edges.get().isEmpty()) {
      out.append("edge=none\n");
    }
    for (Edge edge : edges.get()) {
      out.append("edge=").append(Long.toString(edge.producer()))
          .append("->").append(Long.toString(edge.consumer())).append('\n');
    }
  }

  private static void pending(Optional<? extends List<PendingEvent>> pending, Appendable out)
      throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    if (pending.get().isEmpty()) {
      out.append("pending=none\n");
    }
    for (PendingEvent event : pending.get()) {
      out.append("pending=").append(event.kind())
          .append(" at_ns=").append(Long.toString(event.atNs()));
      if (event.task().isPresent()) {
        out.append(" task=").append(Long.toString(event.task().getAsLong()));
      }
      out.append('\n');
    }
  }
}
