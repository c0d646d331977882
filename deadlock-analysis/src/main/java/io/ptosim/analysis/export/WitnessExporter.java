package io.ptosim.analysis.export;

import static com.google.common.base.Preconditions.checkNotNull;

import io.ptosim.analysis.StallChecker;
import io.ptosim.analysis.graph.HoltReduction;
import io.ptosim.analysis.graph.WaitEdge;
import io.ptosim.analysis.graph.WaitVertex;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.WitnessStep;
import java.io.StringWriter;
import java.io.Writer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.MaskSubgraph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.json.JSONExporter;

/**
 * Writes a checker's wait-for graph as DOT or JSON (jgrapht-io) with the witness highlighted:
 * witness vertices and the edges between consecutive witness steps are marked, inferred edges
 * dashed, and vertices the reduction left unretired (they can never happen) shaded. Vertex ids are
 * derived from the vertices and everything is emitted in the graph's canonical order, so the same
 * snapshot always exports to the same bytes. When the snapshot broke an invariant there is no
 * graph; the export then holds the vertices the violations name.
 */
public final class WitnessExporter {
  private final Verdict verdict;
  private final Graph<WaitVertex, WaitEdge> graph;
  private final Optional<HoltReduction> reduction;
  private final Set<WaitVertex> witnessVertices = new HashSet<>();
  private final Set<WaitEdge> witnessEdges = new HashSet<>();

  /** An exporter of {@code checker}'s graph, whole or only its witness. */
  public WitnessExporter(StallChecker checker, ExportScope scope) {
    checkNotNull(checker, "checker");
    checkNotNull(scope, "scope");
    verdict = checker.verdict();
    reduction = checker.reduction();
    List<WitnessStep> steps = verdict.witness();
    steps.forEach(step -> witnessVertices.add(step.vertex()));
    Graph<WaitVertex, WaitEdge> base = checker.waitForGraph()
        .<Graph<WaitVertex, WaitEdge>>map(g -> g)
        .orElseGet(this::violationGraph);
    for (int k = 1; k < steps.size(); k++) {
      WaitVertex a = steps.get(k - 1).vertex();
      WaitVertex b = steps.get(k).vertex();
      if (!a.equals(b) && base.containsVertex(a) && base.containsVertex(b)) {
        Optional.ofNullable(base.getEdge(a, b)).ifPresent(witnessEdges::add);
        Optional.ofNullable(base.getEdge(b, a)).ifPresent(witnessEdges::add);
      }
    }
    graph = scope == ExportScope.WHOLE_GRAPH
        ? base
        : new MaskSubgraph<>(base, v -> !witnessVertices.contains(v), e -> false);
  }

  private Graph<WaitVertex, WaitEdge> violationGraph() {
    Graph<WaitVertex, WaitEdge> g = new DefaultDirectedGraph<>(null, null, false);
    verdict.witness().forEach(step -> g.addVertex(step.vertex()));
    return g;
  }

  /** The graph in DOT. */
  public String toDot() {
    StringWriter out = new StringWriter();
    exportDot(out);
    return out.toString();
  }

  /** The graph in JGraphT's JSON format ({@code nodes}, {@code edges}). */
  public String toJson() {
    StringWriter out = new StringWriter();
    exportJson(out);
    return out.toString();
  }

  /** Writes the graph in DOT to {@code writer}. */
  public void exportDot(Writer writer) {
    DOTExporter<WaitVertex, WaitEdge> dot = new DOTExporter<>(WitnessExporter::id);
    dot.setGraphAttributeProvider(() -> {
      Map<String, Attribute> attributes = new LinkedHashMap<>();
      attributes.put("rankdir", DefaultAttribute.createAttribute("LR"));
      attributes.put("labelloc", DefaultAttribute.createAttribute("t"));
      // DOTExporter prints graph attributes verbatim, so this one is quoted here.
      attributes.put("label", DefaultAttribute.createAttribute(quoted(verdict.kind() + ": " + verdict.reason())));
      return attributes;
    });
    dot.setVertexAttributeProvider(v -> {
      Map<String, Attribute> attributes = new LinkedHashMap<>();
      attributes.put("label", DefaultAttribute.createAttribute(v.label()));
      attributes.put("shape", DefaultAttribute.createAttribute(shape(v)));
      if (neverHappens(v)) {
        attributes.put("style", DefaultAttribute.createAttribute("filled"));
        attributes.put("fillcolor", DefaultAttribute.createAttribute("mistyrose"));
      }
      if (witnessVertices.contains(v)) {
        attributes.put("color", DefaultAttribute.createAttribute("red"));
        attributes.put("penwidth", DefaultAttribute.createAttribute(2));
      }
      return attributes;
    });
    dot.setEdgeAttributeProvider(e -> {
      Map<String, Attribute> attributes = new LinkedHashMap<>();
      attributes.put("label", DefaultAttribute.createAttribute(e.kind().name().toLowerCase(Locale.ROOT)));
      if (e.inferred()) {
        attributes.put("style", DefaultAttribute.createAttribute("dashed"));
      }
      if (witnessEdges.contains(e)) {
        attributes.put("color", DefaultAttribute.createAttribute("red"));
        attributes.put("penwidth", DefaultAttribute.createAttribute(2));
      }
      return attributes;
    });
    dot.exportGraph(graph, writer);
  }

  /** Writes the graph in JSON to {@code writer}. */
  public void exportJson(Writer writer) {
    JSONExporter<WaitVertex, WaitEdge> json = new JSONExporter<>(WitnessExporter::id);
    json.setVertexAttributeProvider(v -> {
      Map<String, Attribute> attributes = new LinkedHashMap<>();
      attributes.put("label", DefaultAttribute.createAttribute(v.label()));
      attributes.put("kind", DefaultAttribute.createAttribute(v.kind().name()));
      attributes.put("witness", DefaultAttribute.createAttribute(witnessVertices.contains(v)));
      attributes.put("never", DefaultAttribute.createAttribute(neverHappens(v)));
      return attributes;
    });
    json.setEdgeAttributeProvider(e -> {
      Map<String, Attribute> attributes = new LinkedHashMap<>();
      attributes.put("kind", DefaultAttribute.createAttribute(e.kind().name()));
      attributes.put("inferred", DefaultAttribute.createAttribute(e.inferred()));
      attributes.put("witness", DefaultAttribute.createAttribute(witnessEdges.contains(e)));
      return attributes;
    });
    json.exportGraph(graph, writer);
  }

  private static String quoted(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private boolean neverHappens(WaitVertex v) {
    return reduction.map(r -> !r.isRetired(v)).orElse(false);
  }

  /** A DOT-safe id that names the vertex. */
  static String id(WaitVertex v) {
    return switch (v.kind()) {
      case ORCHESTRATOR -> "orchestrator";
      case SCHEDULER -> "scheduler";
      case RING_HEAD -> "head_ring" + ((WaitVertex.RingHead) v).ring();
      case SCOPE_END -> "scope_" + ((WaitVertex.ScopeEnd) v).scope();
      case TASK -> "task_" + ((WaitVertex.Task) v).task();
      case RETIREMENT -> "consumed_" + ((WaitVertex.Retirement) v).task();
      case WAKEUP -> "wakeup_" + ((WaitVertex.Wakeup) v).task();
    };
  }

  private static String shape(WaitVertex v) {
    return switch (v.kind()) {
      case ORCHESTRATOR -> "doubleoctagon";
      case SCHEDULER -> "component";
      case RING_HEAD -> "box";
      case SCOPE_END -> "diamond";
      case TASK, RETIREMENT -> "ellipse";
      case WAKEUP -> "note";
    };
  }
}
