package io.ptosim.scheduler.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Reads and writes {@code chip_swimlane_records.json}. The reader checks every tuple's length and
 * types and names the JSON pointer of the first bad one; the writer lays the file out as upstream's
 * collector does (one tuple or phase per line).
 */
public final class SwimlaneJson {
  static final String FILE = "chip_swimlane_records.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SwimlaneJson() {}

  public static SwimlaneRecords read(Path path) throws IOException, UpstreamFormatException {
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString());
    }
    try (InputStream in = UpstreamFiles.open(path)) {
      return read(in);
    }
  }

  public static SwimlaneRecords read(InputStream in) throws IOException, UpstreamFormatException {
    JsonNode json;
    try {
      json = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      throw new UpstreamFormatException(FILE + ": line " + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage());
    }
    if (json == null) {
      throw new UpstreamFormatException(FILE + ": /: empty file");
    }
    Node root = Node.root(FILE, json).object();
    int level = root.get("chip_swimlane_level").intValue();
    Node m = root.get("metadata");
    Node coreTypesNode = m.get("core_types");
    ImmutableList<String> coreTypes = coreTypesNode.list(Node::text);
    int numCores = m.get("num_cores").intValue();
    Node threadsNode = m.get("core_to_thread");
    ImmutableList<Integer> threads = threadsNode.list(Node::intValue);
    if (coreTypes.size() != numCores) {
      throw coreTypesNode.error("expected " + numCores + " entries (num_cores), got " + coreTypes.size());
    }
    if (threads.size() != numCores) {
      throw threadsNode.error("expected " + numCores + " entries (num_cores), got " + threads.size());
    }
    SwimlaneRecords.Metadata meta = new SwimlaneRecords.Metadata(m.get("clock_freq_hz").longValue(), numCores, coreTypes, threads);
    ImmutableList<SwimlaneRecords.AicoreTask> core = root.get("aicore_tasks").list(r -> {
      long[] v = tuple(r, 6, "[core_id, task_id_raw, reg_task_id, start_cycles, end_cycles, receive_to_start_cycles]");
      return new SwimlaneRecords.AicoreTask((int) v[0], v[1], v[2], v[3], v[4], v[5]);
    });
    ImmutableList<SwimlaneRecords.AicpuTask> cpu = root.get("aicpu_tasks").list(r -> {
      long[] v = tuple(r, 4, "[core_id, reg_task_id, dispatch_cycles, finish_cycles]");
      return new SwimlaneRecords.AicpuTask((int) v[0], v[1], v[2], v[3]);
    });
    ImmutableList<ImmutableList<SwimlaneRecords.SchedulerPhase>> sched =
        root.get("aicpu_scheduler_phases").list(thread -> thread.list(SwimlaneJson::schedulerPhase));
    ImmutableList<ImmutableList<SwimlaneRecords.OrchestratorPhase>> orch = root.get("aicpu_orchestrator_phases").list(
        thread -> thread.list(p -> new SwimlaneRecords.OrchestratorPhase(p.get("submit_idx").longValue(),
            p.get("task_id").unsigned(), p.get("start_cycles").longValue(), p.get("end_cycles").longValue())));
    return new SwimlaneRecords(level, meta, core, cpu, sched, orch);
  }

  private static long[] tuple(Node row, int length, String layout) throws UpstreamFormatException {
    if (row.elements().size() != length) {
      throw row.error("expected " + length + " values " + layout + ", got " + row.size());
    }
    long[] v = new long[length];
    java.util.List<Node> cells = row.elements();
    for (int i = 0; i < length; i++) {
      // The raw task id (column 1 of a core row) is an unsigned 64-bit value; the rest are plain counts.
      v[i] = length == 6 && i == 1 ? cells.get(i).unsigned() : cells.get(i).longValue();
    }
    return v;
  }

  private static SwimlaneRecords.SchedulerPhase schedulerPhase(Node p) throws UpstreamFormatException {
    boolean pops = p.has("pop_hit") || p.has("pop_miss");
    return new SwimlaneRecords.SchedulerPhase(p.get("kind").text(), p.get("start_cycles").longValue(),
        p.get("end_cycles").longValue(), p.get("loop_iter").longValue(), p.get("tasks_processed").longValue(),
        pops ? OptionalLong.of(p.get("pop_hit").longValue()) : OptionalLong.empty(),
        pops ? OptionalLong.of(p.get("pop_miss").longValue()) : OptionalLong.empty(),
        p.has("task_id") ? OptionalLong.of(p.get("task_id").unsigned()) : OptionalLong.empty(),
        p.get("shared_at_start").longs(), p.get("shared_at_end").longs());
  }

  /** Writes the records in upstream's layout. */
  public static void write(SwimlaneRecords r, Writer out) throws IOException {
    StringBuilder b = new StringBuilder(1 << 16);
    b.append("{\n  \"chip_swimlane_level\": ").append(r.level()).append(",\n  \"metadata\": {\n");
    b.append("    \"clock_freq_hz\": ").append(r.metadata().clockFreqHz()).append(",\n");
    b.append("    \"num_cores\": ").append(r.metadata().numCores()).append(",\n");
    b.append("    \"core_types\": [");
    for (int i = 0; i < r.metadata().coreTypes().size(); i++) {
      b.append(i == 0 ? "" : ", ").append('"').append(r.metadata().coreTypes().get(i)).append('"');
    }
    b.append("],\n    \"core_to_thread\": [");
    for (int i = 0; i < r.metadata().coreToThread().size(); i++) {
      b.append(i == 0 ? "" : ", ").append(r.metadata().coreToThread().get(i));
    }
    b.append("]\n  },\n  \"aicore_tasks\": [");
    for (int i = 0; i < r.aicoreTasks().size(); i++) {
      SwimlaneRecords.AicoreTask t = r.aicoreTasks().get(i);
      b.append(i == 0 ? "\n" : ",\n").append("    [").append(t.coreId()).append(", ").append(Long.toUnsignedString(t.taskId()))
          .append(", ").append(t.regTaskId()).append(", ").append(t.startCycles()).append(", ").append(t.endCycles())
          .append(", ").append(t.receiveToStartCycles()).append(']');
      flushIfLarge(b, out);
    }
    b.append(r.aicoreTasks().isEmpty() ? "],\n" : "\n  ],\n").append("  \"aicpu_tasks\": [");
    for (int i = 0; i < r.aicpuTasks().size(); i++) {
      SwimlaneRecords.AicpuTask t = r.aicpuTasks().get(i);
      b.append(i == 0 ? "\n" : ",\n").append("    [").append(t.coreId()).append(", ").append(t.regTaskId()).append(", ")
          .append(t.dispatchCycles()).append(", ").append(t.finishCycles()).append(']');
      flushIfLarge(b, out);
    }
    b.append(r.aicpuTasks().isEmpty() ? "],\n" : "\n  ],\n").append("  \"aicpu_scheduler_phases\": [");
    for (int t = 0; t < r.schedulerPhases().size(); t++) {
      b.append(t == 0 ? "\n" : ",\n").append("    [");
      ImmutableList<SwimlaneRecords.SchedulerPhase> phases = r.schedulerPhases().get(t);
      for (int i = 0; i < phases.size(); i++) {
        SwimlaneRecords.SchedulerPhase p = phases.get(i);
        b.append(i == 0 ? "\n" : ",\n").append("      {\"kind\": \"").append(p.kind()).append("\", \"start_cycles\": ").append(p.startCycles())
            .append(", \"end_cycles\": ").append(p.endCycles()).append(", \"loop_iter\": ").append(p.loopIter())
            .append(", \"tasks_processed\": ").append(p.tasksProcessed());
        if (p.popHit().isPresent()) {
          b.append(", \"pop_hit\": ").append(p.popHit().getAsLong()).append(", \"pop_miss\": ").append(p.popMiss().getAsLong());
        }
        if (p.taskId().isPresent()) {
          b.append(", \"task_id\": ").append(Long.toUnsignedString(p.taskId().getAsLong()));
        }
        b.append(", \"shared_at_start\": ");
        compactLongs(b, p.sharedAtStart());
        b.append(", \"shared_at_end\": ");
        compactLongs(b, p.sharedAtEnd());
        b.append('}');
        flushIfLarge(b, out);
      }
      b.append(phases.isEmpty() ? "]" : "\n    ]");
    }
    b.append(r.schedulerPhases().isEmpty() ? "],\n" : "\n  ],\n").append("  \"aicpu_orchestrator_phases\": [");
    for (int t = 0; t < r.orchestratorPhases().size(); t++) {
      b.append(t == 0 ? "\n" : ",\n").append("    [");
      ImmutableList<SwimlaneRecords.OrchestratorPhase> phases = r.orchestratorPhases().get(t);
      for (int i = 0; i < phases.size(); i++) {
        SwimlaneRecords.OrchestratorPhase p = phases.get(i);
        b.append(i == 0 ? "\n" : ",\n").append("      {\"submit_idx\": ").append(p.submitIdx()).append(", \"task_id\": ")
            .append(Long.toUnsignedString(p.taskId())).append(", \"start_cycles\": ").append(p.startCycles())
            .append(", \"end_cycles\": ").append(p.endCycles()).append('}');
        flushIfLarge(b, out);
      }
      b.append(phases.isEmpty() ? "]" : "\n    ]");
    }
    b.append(r.orchestratorPhases().isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
    out.append(b);
    out.flush();
  }

  private static void compactLongs(StringBuilder b, ImmutableList<Long> values) {
    b.append('[');
    for (int i = 0; i < values.size(); i++) {
      b.append(i == 0 ? "" : ",").append(values.get(i));
    }
    b.append(']');
  }

  private static void flushIfLarge(StringBuilder b, Writer out) throws IOException {
    if (b.length() > (1 << 16)) {
      out.append(b);
      b.setLength(0);
    }
  }
}
