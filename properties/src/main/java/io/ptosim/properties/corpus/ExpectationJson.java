package io.ptosim.properties.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import io.ptosim.des.kernel.TieBreak;
import io.ptosim.properties.run.RunSettings;
import io.ptosim.properties.run.TieBreaks;
import io.ptosim.scheduler.fault.Fault;
import io.ptosim.scheduler.runtime.PublishMode;
import java.util.Iterator;
import java.util.Locale;

/**
 * Reads and writes {@code .expect} files ({@code "format": "ptosim-expect", "version": 1}). Reading
 * is strict (unknown or missing fields are errors) because a typo must not silently weaken a
 * regression; writing uses a fixed field order so that rewritten files diff cleanly.
 */
public final class ExpectationJson {
  public static final String FORMAT = "ptosim-expect";
  public static final int VERSION = 1;

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();
  private static final ImmutableSet<String> TOP = ImmutableSet.of("format", "version", "description", "settings", "runs");
  private static final ImmutableSet<String> SETTINGS =
      ImmutableSet.of("platform", "window", "publish", "faults", "tie_break", "invariant_monitor", "max_events",
          "ring_windows", "platform_set");
  private static final ImmutableSet<String> RUN =
      ImmutableSet.of("policy", "outcome", "message", "verdict", "stall_verdicts", "trace_hash");

  private ExpectationJson() {}

  public static String write(Expectation e) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT).put("version", VERSION).put("description", e.description());
    RunSettings s = e.settings();
    ObjectNode settings = root.putObject("settings");
    settings.put("platform", s.platform()).put("window", s.window())
        .put("publish", s.publishMode().name().toLowerCase(Locale.ROOT));
    ArrayNode faults = settings.putArray("faults");
    s.faults().forEach(f -> faults.add(f.cliName()));
    settings.put("tie_break", TieBreaks.text(s.tieBreak())).put("invariant_monitor", s.invariantMonitor())
        .put("max_events", s.maxEvents());
    ObjectNode ringWindows = settings.putObject("ring_windows");
    s.ringWindows().forEach((ring, window) -> ringWindows.put(Integer.toString(ring), window));
    ObjectNode platformSet = settings.putObject("platform_set");
    s.platformSet().forEach(platformSet::put);
    ArrayNode runs = root.putArray("runs");
    for (ExpectedRun r : e.runs()) {
      ObjectNode run = runs.addObject();
      run.put("policy", r.policy()).put("outcome", r.outcome()).put("message", r.message()).put("verdict", r.verdict());
      ArrayNode stalls = run.putArray("stall_verdicts");
      r.stallVerdicts().forEach(stalls::add);
      run.put("trace_hash", r.traceHash());
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("cannot write an expectation", ex);
    }
  }

  /**
   * Parses an {@code .expect} file's text; an {@link IllegalArgumentException} names the field that
   * is wrong ({@code settings: field 'window' must be an integer}), and the settings are checked as
   * a run would use them (platform overrides, ring windows).
   */
  public static Expectation parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException ex) {
      throw new IllegalArgumentException(io.ptosim.scheduler.program.JsonNesting.message(json, 1000), ex);
    } catch (JsonProcessingException ex) {
      String first = ex.getOriginalMessage().lines().findFirst().orElse("invalid JSON");
      var at = ex.getLocation();
      throw new IllegalArgumentException(at != null && at.getLineNr() > 0
          ? "JSON syntax error at line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + first
          : "JSON syntax error: " + first, ex);
    }
    fields(root, TOP, "expectation");
    if (!FORMAT.equals(text(root, "format", "expectation")) || integer(root, "version", "expectation") != VERSION) {
      throw new IllegalArgumentException("expectation: fields 'format'/'version' must be " + FORMAT + " version " + VERSION);
    }
    JsonNode s = fields(root.get("settings"), SETTINGS, "settings");
    try {
      ImmutableSortedSet.Builder<Fault> faults = ImmutableSortedSet.naturalOrder();
      for (JsonNode f : array(s, "faults", "settings")) {
        faults.add(Fault.byName(textValue(f, "settings: field 'faults'")));
      }
      ImmutableSortedMap.Builder<Integer, Long> ringWindows = ImmutableSortedMap.naturalOrder();
      for (var e : object(s, "ring_windows", "settings").properties()) {
        int ring;
        try {
          ring = Integer.parseInt(e.getKey());
        } catch (NumberFormatException nfe) {
          throw new IllegalArgumentException("settings: field 'ring_windows': key '" + e.getKey() + "' is not a ring number");
        }
        ringWindows.put(ring, longValue(e.getValue(), "settings: field 'ring_windows." + e.getKey() + "'"));
      }
      ImmutableSortedMap.Builder<String, Long> platformSet = ImmutableSortedMap.naturalOrder();
      for (var e : object(s, "platform_set", "settings").properties()) {
        platformSet.put(e.getKey(), longValue(e.getValue(), "settings: field 'platform_set." + e.getKey() + "'"));
      }
      RunSettings settings = new RunSettings(text(s, "platform", "settings"), integer(s, "window", "settings"),
          PublishMode.parse(text(s, "publish", "settings")), faults.build(), TieBreak.parse(text(s, "tie_break", "settings")),
          bool(s, "invariant_monitor", "settings"), integer(s, "max_events", "settings"), ringWindows.build(), platformSet.build());
      settings.profile();
      settings.rings();
      ImmutableList.Builder<ExpectedRun> runs = ImmutableList.builder();
      int i = 0;
      for (JsonNode r : array(root, "runs", "expectation")) {
        String where = "runs[" + i++ + "]";
        fields(r, RUN, where);
        ImmutableList.Builder<String> stalls = ImmutableList.builder();
        for (JsonNode v : array(r, "stall_verdicts", where)) {
          stalls.add(textValue(v, where + ": field 'stall_verdicts'"));
        }
        runs.add(new ExpectedRun(text(r, "policy", where), text(r, "outcome", where), text(r, "message", where),
            text(r, "verdict", where), stalls.build(), text(r, "trace_hash", where)));
      }
      return new Expectation(text(root, "description", "expectation"), settings, runs.build());
    } catch (IllegalArgumentException e) {
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new IllegalArgumentException(m.startsWith("settings") || m.startsWith("runs") || m.startsWith("expectation") ? m : "settings: " + m, e);
    }
  }

  private static JsonNode fields(JsonNode node, ImmutableSet<String> expected, String what) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(what + " must be a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!expected.contains(name)) {
        throw new IllegalArgumentException(what + ": unknown field '" + name + "'");
      }
    }
    for (String name : expected) {
      if (!node.has(name)) {
        throw new IllegalArgumentException(what + ": missing field '" + name + "'");
      }
    }
    return node;
  }

  private static String text(JsonNode node, String field, String where) {
    return textValue(node.get(field), where + ": field '" + field + "'");
  }

  private static String textValue(JsonNode value, String what) {
    if (!value.isTextual()) {
      throw new IllegalArgumentException(what + " must be a string");
    }
    return value.asText();
  }

  private static long integer(JsonNode node, String field, String where) {
    return longValue(node.get(field), where + ": field '" + field + "'");
  }

  private static long longValue(JsonNode value, String what) {
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new IllegalArgumentException(what + " must be an integer");
    }
    return value.asLong();
  }

  private static boolean bool(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (!value.isBoolean()) {
      throw new IllegalArgumentException(where + ": field '" + field + "' must be true or false");
    }
    return value.asBoolean();
  }

  private static JsonNode array(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (!value.isArray()) {
      throw new IllegalArgumentException(where + ": field '" + field + "' must be an array");
    }
    return value;
  }

  private static JsonNode object(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (!value.isObject()) {
      throw new IllegalArgumentException(where + ": field '" + field + "' must be an object");
    }
    return value;
  }
}
