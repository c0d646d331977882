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
import io.ptosim.scheduler.version.RuntimeVersions;
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
  /** Settings fields that may be left out: {@code runtime} (the default version when absent, and written only when another). */
  private static final ImmutableSet<String> OPTIONAL_SETTINGS = ImmutableSet.of("runtime");
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
    if (!s.runtime().equals(RuntimeVersions.MAIN)) {
      settings.put("runtime", s.runtime());
    }
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

  /** Parses an {@code .expect} file's text; an {@link IllegalArgumentException} says what is wrong. */
  public static Expectation parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException ex) {
      throw new IllegalArgumentException("not JSON: " + ex.getOriginalMessage(), ex);
    }
    fields(root, TOP, "expectation");
    if (!FORMAT.equals(text(root, "format")) || root.get("version").asInt() != VERSION) {
      throw new IllegalArgumentException("expected format " + FORMAT + " version " + VERSION);
    }
    JsonNode s = fields(root.get("settings"), SETTINGS, OPTIONAL_SETTINGS, "settings");
    ImmutableSortedSet.Builder<Fault> faults = ImmutableSortedSet.naturalOrder();
    s.get("faults").forEach(f -> faults.add(Fault.byName(f.asText())));
    ImmutableSortedMap.Builder<Integer, Long> ringWindows = ImmutableSortedMap.naturalOrder();
    s.get("ring_windows").properties().forEach(e -> ringWindows.put(Integer.parseInt(e.getKey()), e.getValue().asLong()));
    ImmutableSortedMap.Builder<String, Long> platformSet = ImmutableSortedMap.naturalOrder();
    s.get("platform_set").properties().forEach(e -> platformSet.put(e.getKey(), e.getValue().asLong()));
    RunSettings settings = new RunSettings(text(s, "platform"), s.get("window").asLong(), PublishMode.parse(text(s, "publish")),
        faults.build(), TieBreak.parse(text(s, "tie_break")), s.get("invariant_monitor").asBoolean(),
        s.get("max_events").asLong(), ringWindows.build(), platformSet.build(),
        s.has("runtime") ? text(s, "runtime") : RuntimeVersions.MAIN);
    ImmutableList.Builder<ExpectedRun> runs = ImmutableList.builder();
    for (JsonNode r : root.get("runs")) {
      fields(r, RUN, "run");
      ImmutableList.Builder<String> stalls = ImmutableList.builder();
      r.get("stall_verdicts").forEach(v -> stalls.add(v.asText()));
      runs.add(new ExpectedRun(text(r, "policy"), text(r, "outcome"), text(r, "message"), text(r, "verdict"), stalls.build(),
          text(r, "trace_hash")));
    }
    return new Expectation(text(root, "description"), settings, runs.build());
  }

  private static JsonNode fields(JsonNode node, ImmutableSet<String> expected, String what) {
    return fields(node, expected, ImmutableSet.of(), what);
  }

  private static JsonNode fields(JsonNode node, ImmutableSet<String> expected, ImmutableSet<String> optional, String what) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(what + " must be a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!expected.contains(name) && !optional.contains(name)) {
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

  private static String text(JsonNode node, String field) {
    return node.get(field).asText();
  }
}
