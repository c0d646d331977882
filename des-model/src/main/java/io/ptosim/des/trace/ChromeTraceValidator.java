package io.ptosim.des.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks that a Chrome trace JSON is what Perfetto needs from ptosim: a {@code traceEvents} array
 * whose complete ({@code X}) events all carry {@code ts}, {@code dur}, {@code pid} and {@code tid},
 * and whose slices on one track never partly overlap (they are disjoint or nested). Streams the
 * file, holding only the slices.
 */
public final class ChromeTraceValidator {

  /** What was found: the problems (empty when valid) and the number of slices checked. */
  public record Report(ImmutableList<String> problems, int slices) {
    public boolean valid() {
      return problems.isEmpty();
    }
  }

  private record Slice(BigDecimal start, BigDecimal end) {}

  private ChromeTraceValidator() {}

  public static Report validate(InputStream json) throws IOException {
    List<String> problems = new ArrayList<>();
    Map<Long, List<Slice>> tracks = new TreeMap<>();
    int slices = 0;
    try (JsonParser p = new JsonFactory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return new Report(ImmutableList.of("not a JSON object"), 0);
      }
      boolean found = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (!field.equals("traceEvents")) {
          p.skipChildren();
          continue;
        }
        found = true;
        if (p.currentToken() != JsonToken.START_ARRAY) {
          return new Report(ImmutableList.of("traceEvents is not an array"), 0);
        }
        int index = 0;
        while (p.nextToken() == JsonToken.START_OBJECT) {
          Map<String, Object> e = readFlat(p);
          if ("X".equals(e.get("ph"))) {
            slices++;
            boolean complete = true;
            for (String f : List.of("ts", "dur", "pid", "tid")) {
              if (!(e.get(f) instanceof BigDecimal)) {
                problems.add("event " + index + ": X event without numeric " + f);
                complete = false;
              }
            }
            if (complete) {
              BigDecimal ts = (BigDecimal) e.get("ts");
              BigDecimal dur = (BigDecimal) e.get("dur");
              if (dur.signum() < 0) {
                problems.add("event " + index + ": negative dur");
              }
              long track = ((BigDecimal) e.get("pid")).longValue() * 1_000_000L + ((BigDecimal) e.get("tid")).longValue();
              tracks.computeIfAbsent(track, t -> new ArrayList<>()).add(new Slice(ts, ts.add(dur)));
            }
          }
          index++;
        }
      }
      if (!found) {
        problems.add("no traceEvents array");
      }
    }
    for (var t : tracks.entrySet()) {
      checkNesting(t.getKey(), t.getValue(), problems);
    }
    return new Report(ImmutableList.copyOf(problems), slices);
  }

  /** Reads one event's top-level scalar fields; nested objects ({@code args}) are skipped. */
  private static Map<String, Object> readFlat(JsonParser p) throws IOException {
    Map<String, Object> fields = new TreeMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
        fields.put(name, p.getDecimalValue());
      } else if (t == JsonToken.VALUE_STRING) {
        fields.put(name, p.getText());
      } else {
        p.skipChildren();
      }
    }
    return fields;
  }

  /** Sorted by start (longest first on ties), a proper nesting is a stack discipline. */
  private static void checkNesting(long track, List<Slice> slices, List<String> problems) {
    slices.sort((a, b) -> {
      int c = a.start().compareTo(b.start());
      return c != 0 ? c : b.end().compareTo(a.end());
    });
    List<Slice> open = new ArrayList<>();
    for (Slice s : slices) {
      while (!open.isEmpty() && open.get(open.size() - 1).end().compareTo(s.start()) <= 0) {
        open.remove(open.size() - 1);
      }
      if (!open.isEmpty() && open.get(open.size() - 1).end().compareTo(s.end()) < 0) {
        Slice o = open.get(open.size() - 1);
        problems.add("track " + track + ": slice " + s.start() + "-" + s.end() + " overlaps " + o.start() + "-" + o.end());
        continue;
      }
      open.add(s);
    }
  }
}
