package io.ptosim.analysis.text;

import static com.google.common.base.Preconditions.checkNotNull;

import io.ptosim.analysis.internal.LongIntMap;
import io.ptosim.analysis.snapshot.Count;
import io.ptosim.analysis.snapshot.DepPoolRecord;
import io.ptosim.analysis.snapshot.FaninPoolRecord;
import io.ptosim.analysis.snapshot.Edge;
import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.PendingEvent;
import io.ptosim.analysis.snapshot.RingRecord;
import io.ptosim.analysis.snapshot.ScopeMode;
import io.ptosim.analysis.snapshot.ScopeRecord;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.snapshot.TaskRecord;
import io.ptosim.analysis.snapshot.TaskState;
import io.ptosim.analysis.snapshot.TraceEvidence;
import io.ptosim.analysis.snapshot.WaitResource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads the stall snapshot text format ({@code docs/snapshot-format.md}): one record per line,
 * {@code key=value} tokens in any order, unknown keys ignored, log prefixes allowed, blank and
 * {@code #} lines skipped, lines without a record skipped and counted, device trace lines kept as
 * evidence. A recognised record with a bad value is a {@link SnapshotFormatException}.
 */
public final class SnapshotParser {

  /** The largest task id a snapshot may hold: 2^63 - 2, so that {@code current = id + 1} fits. */
  public static final long MAX_TASK_ID = Long.MAX_VALUE - 1;

  private SnapshotParser() {}

  /** Parses {@code text}. */
  public static ParsedSnapshot parse(CharSequence text) throws SnapshotFormatException {
    try {
      return parse(new StringReader(checkNotNull(text, "text").toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
  }

  /** Parses the UTF-8 file {@code file}. */
  public static ParsedSnapshot parse(Path file) throws IOException, SnapshotFormatException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(reader);
    }
  }

  /** Parses everything {@code reader} yields; the caller closes it. */
  public static ParsedSnapshot parse(Reader reader) throws IOException, SnapshotFormatException {
    BufferedReader lines = new BufferedReader(checkNotNull(reader, "reader"));
    Session session = new Session();
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      session.accept(number, number == 1 ? stripBom(line) : line);
    }
    session.finish();
    return new ParsedSnapshot(session.builder.build(), session.skipped);
  }

  private static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  /** The state of one parse: the builder and where each id was first seen. */
  private static final class Session {
    private final Snapshot.Builder builder = Snapshot.builder();
    private final LongIntMap taskLines = new LongIntMap(1 << 10);
    private final Map<Edge, Integer> edgeLines = new HashMap<>();
    private final Map<Integer, Integer> ringLines = new HashMap<>();
    private final Map<Long, Integer> scopeLines = new HashMap<>();
    private int orchestratorLine;
    private OptionalLong orchestratorScope = OptionalLong.empty();
    private int edgeNoneLine;
    private final Map<Long, Integer> pendingTaskLines = new java.util.LinkedHashMap<>();
    private int skipped;

    void accept(int number, String line) throws SnapshotFormatException {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        return;
      }
      Optional<RecordLine> record = RecordLine.of(number, line);
      if (record.isEmpty()) {
        skipped++;
        return;
      }
      RecordLine r = record.get();
      switch (r.kind()) {
        case TASK -> task(r);
        case EDGE -> edge(r);
        case RING -> ring(r);
        case SCOPE -> scope(r);
        case ORCHESTRATOR -> orchestrator(r);
        case PENDING -> pending(r);
        case DISPATCH -> dispatch(r);
        case READY_LOCAL -> builder.addEvidence(
            TraceEvidence.readyLocal(r.id("task"), r.number("shape"), r.count("fanin")));
      }
    }

    private void task(RecordLine r) throws SnapshotFormatException {
      long id = taskId(r, "task", r.value("task"));
      if (r.number("block_num") < 1) {
        throw r.bad("block_num", "a task has at least one block");
      }
      TaskRecord task =
          new TaskRecord(
              id,
              state(r),
              r.count("fanin"),
              r.count("fanout"),
              mask(r),
              r.count("done"),
              r.number("block_num"),
              r.number("next_block"),
              r.has("ring") ? OptionalInt.of(r.number("ring")) : OptionalInt.empty(),
              r.has("scope") ? OptionalLong.of(r.id("scope")) : OptionalLong.empty(),
              hidden(r));
      int first = taskLines.putIfAbsent(id, r.number());
      if (first >= 0) {
        throw r.bad("task", "duplicate task id (first on line " + first + ")");
      }
      builder.addTask(task);
    }

    /**
     * Checks what only the whole text shows: a pending event names a task of the snapshot, and a
     * blocked submit's scope has a scope record.
     */
    void finish() throws SnapshotFormatException {
      if (orchestratorScope.isPresent() && !scopeLines.containsKey(orchestratorScope.getAsLong())) {
        throw SnapshotFormatException.badToken(orchestratorLine, "scope=" + orchestratorScope.getAsLong(),
            "the blocked submit's scope has no scope record");
      }
      for (Map.Entry<Long, Integer> e : pendingTaskLines.entrySet()) {
        if (taskLines.get(e.getKey()) < 0) {
          throw SnapshotFormatException.badToken(e.getValue(), "task=" + e.getKey(), "the pending event names no task of the snapshot");
        }
      }
    }

    private static TaskState state(RecordLine r) throws SnapshotFormatException {
      String value = r.value("state");
      if (value.length() == 1 && value.charAt(0) >= '0' && value.charAt(0) <= '4') {
        return TaskState.ofCode(value.charAt(0) - '0');
      }
      for (TaskState state : TaskState.values()) {
        if (state.name().equalsIgnoreCase(value)) {
          return state;
        }
      }
      throw r.bad("state", "expected 0..4 or PENDING|READY|RUNNING|COMPLETED|CONSUMED");
    }

    private static int mask(RecordLine r) throws SnapshotFormatException {
      String value = r.value("active_mask");
      if (value.startsWith("0x") || value.startsWith("0X")) {
        try {
          return Integer.parseInt(value.substring(2), 16);
        } catch (NumberFormatException e) {
          throw r.bad("active_mask", "expected a decimal or 0x-hex mask");
        }
      }
      return r.number("active_mask");
    }

    private static boolean hidden(RecordLine r) throws SnapshotFormatException {
      if (!r.has("kind")) {
        return false;
      }
      return switch (r.value("kind")) {
        case "alloc" -> true;
        case "task" -> false;
        default -> throw r.bad("kind", "expected kind=alloc (or kind=task)");
      };
    }

    private void edge(RecordLine r) throws SnapshotFormatException {
      String value = r.value("edge");
      if (value.equals("none")) {
        if (!edgeLines.isEmpty()) {
          throw r.bad("edge", "edge=none beside edges (first on line " + edgeLines.values().iterator().next() + ")");
        }
        edgeNoneLine = r.number();
        builder.edgesKnown();
        return;
      }
      if (edgeNoneLine > 0) {
        throw r.bad("edge", "an edge beside edge=none (on line " + edgeNoneLine + ")");
      }
      int arrow = value.indexOf("->");
      if (arrow <= 0 || arrow + 2 >= value.length()) {
        throw r.bad("edge", "expected P->C");
      }
      long producer = idPart(r, value.substring(0, arrow));
      long consumer = idPart(r, value.substring(arrow + 2));
      if (producer == consumer) {
        throw r.bad("edge", "a task cannot depend on itself");
      }
      Edge edge = new Edge(producer, consumer);
      Integer first = edgeLines.putIfAbsent(edge, r.number());
      if (first != null) {
        throw r.bad("edge", "duplicate edge (first on line " + first + ")");
      }
      builder.addEdge(edge);
    }

    private static long idPart(RecordLine r, String digits) throws SnapshotFormatException {
      if (digits.isEmpty() || digits.length() > 19 || !digits.chars().allMatch(Character::isDigit)) {
        throw r.bad("edge", "expected P->C with decimal ids");
      }
      return taskId(r, "edge", digits);
    }

    /**
     * A task id in 0..{@value #MAX_TASK_ID}: a ring's {@code current} (largest id + 1) must still
     * fit a {@code long}.
     */
    private static long taskId(RecordLine r, String key, String digits) throws SnapshotFormatException {
      long id;
      try {
        id = digits.chars().allMatch(Character::isDigit) && !digits.isEmpty() && digits.length() <= 19
            ? Long.parseLong(digits) : -1;
      } catch (NumberFormatException e) {
        id = Long.MAX_VALUE;
      }
      if (id < 0) {
        throw r.bad(key, "expected a non-negative decimal number");
      }
      if (id > MAX_TASK_ID) {
        throw r.bad(key, "task id out of range (at most " + MAX_TASK_ID + ")");
      }
      return id;
    }

    private void ring(RecordLine r) throws SnapshotFormatException {
      int ring = r.number("ring");
      long window = r.has("window") ? r.id("window") : RingRecord.DEFAULT_WINDOW;
      if (window < 1) {
        throw r.bad("window", "window must be at least 1");
      }
      long lastAlive = r.id("last_alive");
      long current = r.id("current");
      if (lastAlive > current) {
        throw r.bad("last_alive", "last_alive exceeds current " + current);
      }
      Integer first = ringLines.putIfAbsent(ring, r.number());
      if (first != null) {
        throw r.bad("ring", "duplicate ring record (first on line " + first + ")");
      }
      RingRecord record = new RingRecord(ring, window, lastAlive, current);
      if (r.has("dep_pool") != r.has("dep_reclaim_at")) {
        throw r.bad(r.has("dep_pool") ? "dep_pool" : "dep_reclaim_at", "dep_pool and dep_reclaim_at go together");
      }
      if (r.has("dep_pool")) {
        Count pool = r.count("dep_pool");
        record = record.withDepPool(new DepPoolRecord(pool.done(), pool.total(), r.id("dep_reclaim_at")));
      }
      if (r.has("fanin_pool") != r.has("fanin_held")) {
        throw r.bad(r.has("fanin_pool") ? "fanin_pool" : "fanin_held", "fanin_pool and fanin_held go together");
      }
      if (r.has("fanin_pool")) {
        Count pool = r.count("fanin_pool");
        long held = r.id("fanin_held");
        if (held > pool.done()) {
          throw r.bad("fanin_held", "fanin_held exceeds the pool's used " + pool.done());
        }
        record = record.withFaninPool(new FaninPoolRecord(pool.done(), pool.total(), held));
      }
      builder.addRing(record);
    }

    private void scope(RecordLine r) throws SnapshotFormatException {
      long id = r.id("scope");
      ScopeMode mode =
          switch (r.value("mode").toUpperCase(Locale.ROOT)) {
            case "AUTO" -> ScopeMode.AUTO;
            case "MANUAL" -> ScopeMode.MANUAL;
            default -> throw r.bad("mode", "expected AUTO or MANUAL");
          };
      boolean open =
          switch (r.value("state").toLowerCase(Locale.ROOT)) {
            case "open" -> true;
            case "closed" -> false;
            default -> throw r.bad("state", "expected open or closed");
          };
      OptionalInt ring = r.has("ring") ? OptionalInt.of(r.number("ring")) : OptionalInt.empty();
      OptionalInt depth = r.has("depth") ? OptionalInt.of(r.number("depth")) : OptionalInt.empty();
      Integer first = scopeLines.putIfAbsent(id, r.number());
      if (first != null) {
        throw r.bad("scope", "duplicate scope record (first on line " + first + ")");
      }
      builder.addScope(new ScopeRecord(id, mode, open, ring, depth));
    }

    private void orchestrator(RecordLine r) throws SnapshotFormatException {
      OrchestratorState state =
          switch (r.value("orchestrator").toLowerCase(Locale.ROOT)) {
            case "blocked" -> new OrchestratorState.Blocked(waiting(r), r.number("ring"),
                r.has("needed") ? r.id("needed") : 0, r.has("scope") ? OptionalLong.of(r.id("scope")) : OptionalLong.empty());
            case "running" -> new OrchestratorState.Running();
            case "finished" -> new OrchestratorState.Finished();
            default -> throw r.bad("orchestrator", "expected blocked, running or finished");
          };
      if (orchestratorLine > 0) {
        throw r.bad(
            "orchestrator", "duplicate orchestrator record (first on line " + orchestratorLine + ")");
      }
      orchestratorLine = r.number();
      if (state instanceof OrchestratorState.Blocked blocked) {
        orchestratorScope = blocked.scope();
      }
      builder.orchestrator(state);
    }

    private static WaitResource waiting(RecordLine r) throws SnapshotFormatException {
      for (WaitResource resource : WaitResource.values()) {
        if (resource.token().equalsIgnoreCase(r.value("waiting"))) {
          return resource;
        }
      }
      throw r.bad("waiting", "expected task_ring, heap, dep_pool or fanin_pool");
    }

    private void pending(RecordLine r) throws SnapshotFormatException {
      String kind = r.value("pending");
      if (kind.equals("none")) {
        builder.pendingKnown();
        return;
      }
      if (kind.isEmpty() || !kind.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw r.bad("pending", "expected an event kind such as complete, or none");
      }
      OptionalLong task = r.has("task") ? OptionalLong.of(taskId(r, "task", r.value("task"))) : OptionalLong.empty();
      task.ifPresent(id -> pendingTaskLines.putIfAbsent(id, r.number()));
      builder.addPending(new PendingEvent(r.id("at_ns"), kind, task));
    }

    private void dispatch(RecordLine r) throws SnapshotFormatException {
      Count block = r.count("block");
      if (block.done() >= block.total()) {
        throw r.bad("block", "block index must be below the block count");
      }
      builder.addEvidence(
          TraceEvidence.dispatch(
              r.number("thread"), r.number("shape"), r.id("task"), block.done(), block.total()));
    }
  }
}
