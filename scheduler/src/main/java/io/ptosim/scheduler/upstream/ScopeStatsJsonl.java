package io.ptosim.scheduler.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and writes {@code scope_stats.jsonl}; an error names the line and the field. */
public final class ScopeStatsJsonl {
  static final String FILE = "scope_stats.jsonl";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ScopeStatsJsonl() {}

  public static ScopeStats read(Path path) throws IOException, UpstreamFormatException {
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString());
    }
    try (InputStream in = UpstreamFiles.open(path)) {
      return read(in);
    }
  }

  public static ScopeStats read(InputStream in) throws IOException, UpstreamFormatException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line = r.readLine();
    if (line == null) {
      throw new UpstreamFormatException(FILE + ": line 1: empty file (expected the header)");
    }
    Node h = parse(line, 1);
    ScopeStats.Header header = new ScopeStats.Header(h.get("version").intValue(), h.get("fatal").bool(),
        h.get("dropped").longValue(), h.get("total").longValue(), h.get("task_window_max").longs(),
        h.get("heap_max").longs(), h.get("dep_pool_max").longs(), h.get("tensormap_max").longValue());
    ImmutableList.Builder<ScopeStats.Event> events = ImmutableList.builder();
    int lineNo = 1;
    while ((line = r.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      Node e = parse(line, lineNo);
      Node phaseNode = e.get("phase");
      String phase = phaseNode.text();
      if (!phase.equals("begin") && !phase.equals("end")) {
        throw phaseNode.error("expected \"begin\" or \"end\": '" + phase + "'");
      }
      events.add(new ScopeStats.Event(e.get("site").text(), phase, e.get("depth").intValue(), e.get("ring").intValue(),
          e.get("task_window_start").longValue(), e.get("task_window_end").longValue(), e.get("heap_start").longValue(),
          e.get("heap_end").longValue(), e.get("dep_pool_start").longValue(), e.get("dep_pool_end").longValue(),
          e.get("tensormap").longValue()));
    }
    return new ScopeStats(header, events.build());
  }

  private static Node parse(String line, int lineNo) throws UpstreamFormatException {
    String where = FILE + ": line " + lineNo;
    JsonNode json;
    try {
      json = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new UpstreamFormatException(where + ": not valid JSON: " + e.getOriginalMessage());
    }
    if (json == null || !json.isObject()) {
      throw new UpstreamFormatException(where + ": expected one JSON object");
    }
    return Node.root(where, json);
  }

  /** Writes the header and the events in upstream's key order and spacing. */
  public static void write(ScopeStats s, Writer out) throws IOException {
    ScopeStats.Header h = s.header();
    StringBuilder b = new StringBuilder();
    b.append("{\"version\": ").append(h.version()).append(", \"fatal\": ").append(h.fatal()).append(", \"dropped\": ")
        .append(h.dropped()).append(", \"total\": ").append(h.total()).append(", \"task_window_max\": ");
    list(b, h.taskWindowMax());
    b.append(", \"heap_max\": ");
    list(b, h.heapMax());
    b.append(", \"dep_pool_max\": ");
    list(b, h.depPoolMax());
    b.append(", \"tensormap_max\": ").append(h.tensormapMax()).append("}\n");
    for (ScopeStats.Event e : s.events()) {
      b.append("{\"site\": \"").append(e.site()).append("\", \"phase\": \"").append(e.phase()).append("\", \"depth\": ")
          .append(e.depth()).append(", \"ring\": ").append(e.ring()).append(", \"task_window_start\": ").append(e.taskWindowStart())
          .append(", \"task_window_end\": ").append(e.taskWindowEnd()).append(", \"heap_start\": ").append(e.heapStart())
          .append(", \"heap_end\": ").append(e.heapEnd()).append(", \"dep_pool_start\": ").append(e.depPoolStart())
          .append(", \"dep_pool_end\": ").append(e.depPoolEnd()).append(", \"tensormap\": ").append(e.tensormap()).append("}\n");
      if (b.length() > (1 << 16)) {
        out.append(b);
        b.setLength(0);
      }
    }
    out.append(b);
    out.flush();
  }

  private static void list(StringBuilder b, ImmutableList<Long> values) {
    b.append('[');
    for (int i = 0; i < values.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(values.get(i));
    }
    b.append(']');
  }
}
