package io.ptosim.properties.explore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import io.ptosim.properties.explore.ExploreReport.Counterexample;
import io.ptosim.properties.explore.ExploreReport.Failure;
import io.ptosim.properties.explore.ExploreReport.PropertyCounts;
import io.ptosim.scheduler.fault.Fault;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes explore reports ({@code "format": "ptosim-explore"}, version 1), the file each
 * campaign writes to its output directory and {@code explore --merge} folds. Field order is fixed
 * and maps are sorted, so equal reports are equal bytes; reading is strict.
 */
public final class ExploreReportJson {
  public static final String FORMAT = "ptosim-explore";
  public static final int VERSION = 1;
  /** The report's file name in a campaign's output directory. */
  public static final String FILE = "explore-report.json";

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();
  private static final ImmutableSet<String> TOP = ImmutableSet.of("format", "version", "seed", "programs", "shard", "runtime",
      "fault", "properties", "limits", "explored", "tasks", "results", "outcomes", "stall_verdicts", "failures",
      "counterexamples");

  private ExploreReportJson() {}

  public static String write(ExploreReport r) {
    return text(tree(r));
  }

  /** The report as a JSON tree (the CLI's {@code --json} output embeds it). */
  public static ObjectNode tree(ExploreReport r) {
    Campaign c = r.campaign();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT).put("version", VERSION).put("seed", c.seed()).put("programs", c.programs());
    root.put("shard", r.shard().map(Shard::toString).orElse("all"));
    root.put("runtime", c.runtime()).put("fault", c.fault().map(Fault::cliName).orElse("none"));
    ArrayNode props = root.putArray("properties");
    c.properties().forEach(p -> props.add(p.cliName()));
    root.putObject("limits").put("counterexamples_per_property", c.counterexamples())
        .put("failures_listed_per_property", c.failuresListed()).put("shrink_budget", c.shrinkBudget());
    root.put("explored", r.explored()).put("tasks", r.tasks());
    ObjectNode results = root.putObject("results");
    r.properties().forEach((p, n) -> results.putObject(p.cliName()).put("checked", n.checked()).put("failed", n.failed())
        .put("not_applicable", n.notApplicable()));
    counts(root.putObject("outcomes"), r.outcomes());
    counts(root.putObject("stall_verdicts"), r.stallVerdicts());
    ArrayNode failures = root.putArray("failures");
    for (Failure f : r.failures()) {
      ObjectNode o = failures.addObject();
      o.put("program", f.program()).put("property", f.property().cliName()).put("tasks", f.tasks()).put("settings", f.settings());
      ArrayNode lines = o.putArray("problems");
      f.problems().forEach(lines::add);
    }
    ArrayNode cex = root.putArray("counterexamples");
    for (Counterexample x : r.counterexamples()) {
      cex.addObject().put("program", x.program()).put("property", x.property().cliName()).put("tasks_before", x.tasksBefore())
          .put("tasks", x.tasks()).put("shrink_steps", x.steps()).put("shrink_evaluations", x.evaluations())
          .put("shrink_budget_exhausted", x.exhausted()).put("file", x.file());
    }
    return root;
  }

  public static String text(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a report", e);
    }
  }

  private static void counts(ObjectNode into, ImmutableSortedMap<String, ImmutableSortedMap<String, Long>> counts) {
    counts.forEach((policy, m) -> {
      ObjectNode o = into.putObject(policy);
      m.forEach(o::put);
    });
  }

  /** Parses a report file's text; an {@link IllegalArgumentException} names what is wrong. */
  public static ExploreReport parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("a report is a JSON object");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!TOP.contains(name)) {
        throw new IllegalArgumentException("unknown field '" + name + "'");
      }
    }
    for (String name : TOP) {
      if (!root.has(name)) {
        throw new IllegalArgumentException("missing field '" + name + "'");
      }
    }
    if (!FORMAT.equals(root.get("format").asText()) || root.get("version").asInt() != VERSION) {
      throw new IllegalArgumentException("expected format " + FORMAT + " version " + VERSION);
    }
    ImmutableList.Builder<ExploreProperty> props = ImmutableList.builder();
    root.get("properties").forEach(p -> props.add(ExploreProperty.byName(p.asText())));
    String fault = root.get("fault").asText();
    JsonNode limits = root.get("limits");
    Campaign campaign = new Campaign(root.get("seed").asLong(), root.get("programs").asLong(), props.build(),
        fault.equals("none") ? Optional.empty() : Optional.of(Fault.byName(fault)), root.get("runtime").asText(),
        need(limits, "counterexamples_per_property").asInt(), need(limits, "failures_listed_per_property").asInt(),
        need(limits, "shrink_budget").asInt());
    String shard = root.get("shard").asText();
    ImmutableMap.Builder<ExploreProperty, PropertyCounts> results = ImmutableMap.builder();
    root.get("results").properties().forEach(e -> results.put(ExploreProperty.byName(e.getKey()),
        new PropertyCounts(need(e.getValue(), "checked").asLong(), need(e.getValue(), "failed").asLong(),
            need(e.getValue(), "not_applicable").asLong())));
    ImmutableList.Builder<Failure> failures = ImmutableList.builder();
    for (JsonNode f : root.get("failures")) {
      ImmutableList.Builder<String> lines = ImmutableList.builder();
      need(f, "problems").forEach(l -> lines.add(l.asText()));
      failures.add(new Failure(need(f, "program").asLong(), ExploreProperty.byName(need(f, "property").asText()),
          need(f, "tasks").asInt(), need(f, "settings").asText(), lines.build()));
    }
    ImmutableList.Builder<Counterexample> cex = ImmutableList.builder();
    for (JsonNode x : root.get("counterexamples")) {
      cex.add(new Counterexample(need(x, "program").asLong(), ExploreProperty.byName(need(x, "property").asText()),
          need(x, "tasks_before").asInt(), need(x, "tasks").asInt(), need(x, "shrink_steps").asInt(),
          need(x, "shrink_evaluations").asInt(), need(x, "shrink_budget_exhausted").asBoolean(), need(x, "file").asText()));
    }
    return new ExploreReport(campaign, shard.equals("all") ? Optional.empty() : Optional.of(Shard.parse(shard)),
        root.get("explored").asLong(), root.get("tasks").asLong(), results.build(), counts(root.get("outcomes")),
        counts(root.get("stall_verdicts")), failures.build(), cex.build());
  }

  private static JsonNode need(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null) {
      throw new IllegalArgumentException("missing field '" + field + "'");
    }
    return v;
  }

  private static ImmutableSortedMap<String, ImmutableSortedMap<String, Long>> counts(JsonNode node) {
    ImmutableSortedMap.Builder<String, ImmutableSortedMap<String, Long>> out = ImmutableSortedMap.naturalOrder();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      ImmutableSortedMap.Builder<String, Long> inner = ImmutableSortedMap.naturalOrder();
      e.getValue().properties().forEach(x -> inner.put(x.getKey(), x.getValue().asLong()));
      out.put(e.getKey(), inner.build());
    }
    return out.build();
  }
}
