package io.ptosim.scheduler.upstream;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes dep_gen's {@code deps.json}. Reading streams the three arrays element by element
 * (the Case1 graph is 84 MB), checks every field's type and that ids are unique and edges name
 * recorded consumers; a failure is one line naming the JSON pointer. Writing produces the same
 * keys in the same order as upstream's {@code dep_gen_replay_emit_deps_json}, compact, with every
 * 64-bit id as a decimal string.
 */
public final class DepsJson {
  static final String FILE = "deps.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DepsJson() {}

  /** Reads a deps.json file, plain or gzipped. */
  public static DepsGraph read(Path path) throws IOException, UpstreamFormatException {
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString());
    }
    try (InputStream in = UpstreamFiles.open(path)) {
      return read(in);
    }
  }

  /** Reads deps.json text from a stream (not closed). */
  public static DepsGraph read(InputStream in) throws IOException, UpstreamFormatException {
    ImmutableList<DepsTask> tasks = null;
    ImmutableList<DepsTensor> tensors = null;
    ImmutableList<DepsEdge> edges = null;
    Set<Long> taskIds = new HashSet<>();
    try (JsonParser p = MAPPER.getFactory().createParser(in)) {
      p.setCodec(MAPPER);
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new UpstreamFormatException(FILE + ": /: expected an object with tasks, tensors and edges");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.getCurrentName();
        p.nextToken();
        switch (key) {
          case "tasks" -> tasks = array(p, "/tasks", n -> task(n, taskIds));
          case "tensors" -> tensors = array(p, "/tensors", DepsJson::tensor);
          case "edges" -> edges = array(p, "/edges", n -> edge(n, taskIds));
          default -> p.skipChildren();
        }
      }
      if (tasks == null || tensors == null || edges == null) {
        String missing = tasks == null ? "tasks" : tensors == null ? "tensors" : "edges";
        throw new UpstreamFormatException(FILE + ": /" + missing + ": missing");
      }
      if (edges != null && tasks != null) {
        // Edges may precede tasks in a hand-edited file: check their consumers now.
        for (int i = 0; i < edges.size(); i++) {
          if (!taskIds.contains(edges.get(i).succ())) {
            throw new UpstreamFormatException(FILE + ": /edges/" + i + "/succ: task " + Long.toUnsignedString(edges.get(i).succ()) + " is not in tasks");
          }
        }
      }
    } catch (JsonProcessingException e) {
      throw new UpstreamFormatException(FILE + ": line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr()
          + ": not valid JSON: " + e.getOriginalMessage());
    }
    return new DepsGraph(tasks, tensors, edges);
  }

  private static <T> ImmutableList<T> array(JsonParser p, String pointer, Node.Reader<T> reader) throws IOException, UpstreamFormatException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new UpstreamFormatException(FILE + ": " + pointer + ": expected an array");
    }
    ImmutableList.Builder<T> out = ImmutableList.builder();
    int i = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      JsonNode element = p.readValueAsTree();
      out.add(reader.read(new Node(FILE, pointer + "/" + i, element)));
      i++;
    }
    return out.build();
  }

  private static DepsTask task(Node n, Set<Long> seen) throws UpstreamFormatException {
    long id = n.get("task_id").unsigned();
    if (!seen.add(id)) {
      throw n.get("task_id").error("task " + Long.toUnsignedString(id) + " appears twice");
    }
    Node scopeNode = n.get("scope");
    String scope = scopeNode.text();
    if (!scope.equals("auto") && !scope.equals("manual")) {
      throw scopeNode.error("expected \"auto\" or \"manual\": '" + scope + "'");
    }
    boolean early = n.has("early_dispatch") && n.get("early_dispatch").bool();
    Node kernelNode = n.get("kernel_ids");
    ImmutableList<Integer> kernels = kernelNode.list(Node::intValue);
    if (kernels.size() != 3) {
      throw kernelNode.error("expected three kernel ids [aic, aiv0, aiv1], got " + kernels.size());
    }
    for (int k : kernels) {
      if (k < -1) {
        throw kernelNode.error("kernel ids are -1 (inactive) or non-negative: " + k);
      }
    }
    Node blockNode = n.get("block_num");
    int blocks = blockNode.intValue();
    if (blocks < 1) {
      throw blockNode.error("block_num must be at least 1: " + blocks);
    }
    Node argsNode = n.get("args");
    ImmutableList.Builder<DepsArg> args = ImmutableList.builder();
    int i = 0;
    for (Node a : argsNode.elements()) {
      args.add(arg(a, i++));
    }
    return new DepsTask(id, scope.equals("manual"), early, kernels, blocks, args.build());
  }

  private static DepsArg arg(Node a, int position) throws UpstreamFormatException {
    Node idxNode = a.get("idx");
    int idx = idxNode.intValue();
    if (idx != position) {
      throw idxNode.error("expected idx " + position + " (args are listed in slot order), got " + idx);
    }
    Node typeNode = a.get("type");
    String type = typeNode.text();
    switch (type) {
      case DepsArg.OUTPUT:
        return new DepsArg(idx, type, Optional.empty());
      case DepsArg.INPUT:
      case DepsArg.INOUT:
      case DepsArg.OUTPUT_EXISTING:
        return new DepsArg(idx, type, Optional.of(slice(a, "", a.get("tensor_id").unsigned())));
      default:
        throw typeNode.error("expected INPUT, OUTPUT, INOUT or OUTPUT_EXISTING: '" + type + "'");
    }
  }

  /** A view from {@code prefix}dtype, shape, start_offset and strides (prefix "" or "consumer_" or "producer_"). */
  private static TensorSlice slice(Node n, String prefix, long tensorId) throws UpstreamFormatException {
    String dtype = prefix.equals("producer_") ? "" : n.get(prefix + "dtype").text();
    Node shapeNode = n.get(prefix + "shape");
    ImmutableList<Long> shape = shapeNode.longs();
    Node strideNode = n.get(prefix + "strides");
    ImmutableList<Long> strides = strideNode.longs();
    if (strides.size() != shape.size()) {
      throw strideNode.error("expected " + shape.size() + " strides (one per dimension of shape), got " + strides.size());
    }
    for (long v : shape) {
      if (v < 0) {
        throw shapeNode.error("shape entries must be non-negative: " + v);
      }
    }
    for (long v : strides) {
      if (v <= 0) {
        throw strideNode.error("strides must be positive: " + v);
      }
    }
    long offset = n.get(prefix + "start_offset").unsigned();
    return new TensorSlice(tensorId, dtype, shape, offset, strides);
  }

  private static DepsTensor tensor(Node n) throws UpstreamFormatException {
    return new DepsTensor(n.get("tensor_id").unsigned(), n.get("buffer_addr").unsigned(), n.get("version").intValue(),
        n.get("dtype").text(), n.get("buffer_numel").unsigned());
  }

  private static DepsEdge edge(Node n, Set<Long> taskIds) throws UpstreamFormatException {
    long pred = n.get("pred").unsigned();
    long succ = n.get("succ").unsigned();
    Node sourceNode = n.get("source");
    DepsEdge.Source source = DepsEdge.Source.parse(sourceNode.text())
        .orElseThrow(() -> sourceNode.error("expected explicit, creator or tensormap"));
    Node argNode = n.get("arg");
    int arg = argNode.intValue();
    ImmutableList<String> flags = n.get("flags").list(Node::text);
    if (source == DepsEdge.Source.EXPLICIT) {
      if (arg != -1) {
        throw argNode.error("an explicit edge has arg -1: " + arg);
      }
      return new DepsEdge(pred, succ, arg, source, flags, Optional.empty(), Optional.empty(), Optional.empty());
    }
    if (arg < 0) {
      throw argNode.error("a " + source.text() + " edge names the consumer's arg slot: " + arg);
    }
    long tensorId = n.get("tensor_id").unsigned();
    TensorSlice consumer = slice(n, "consumer_", tensorId);
    if (source == DepsEdge.Source.CREATOR) {
      return new DepsEdge(pred, succ, arg, source, flags, Optional.of(consumer), Optional.empty(), Optional.empty());
    }
    String overlap = n.get("overlap").text();
    TensorSlice producer = slice(n, "producer_", tensorId);
    return new DepsEdge(pred, succ, arg, source, flags, Optional.of(consumer), Optional.of(overlap), Optional.of(producer));
  }

  /** Writes {@code graph} as upstream does: one compact JSON object. */
  public static void write(DepsGraph graph, OutputStream out) throws IOException {
    JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
    g.writeStartObject();
    g.writeArrayFieldStart("tasks");
    for (DepsTask t : graph.tasks()) {
      g.writeStartObject();
      g.writeStringField("task_id", Long.toUnsignedString(t.taskId()));
      g.writeStringField("scope", t.scope());
      g.writeBooleanField("early_dispatch", t.earlyDispatch());
      g.writeArrayFieldStart("kernel_ids");
      for (int k : t.kernelIds()) {
        g.writeNumber(k);
      }
      g.writeEndArray();
      g.writeNumberField("block_num", t.blockNum());
      g.writeArrayFieldStart("args");
      for (DepsArg a : t.args()) {
        g.writeStartObject();
        g.writeNumberField("idx", a.idx());
        g.writeStringField("type", a.type());
        if (a.slice().isPresent()) {
          TensorSlice s = a.slice().get();
          g.writeStringField("tensor_id", Long.toUnsignedString(s.tensorId()));
          writeSlice(g, "", s, true);
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("tensors");
    for (DepsTensor t : graph.tensors()) {
      g.writeStartObject();
      g.writeStringField("tensor_id", Long.toUnsignedString(t.tensorId()));
      g.writeStringField("buffer_addr", Long.toUnsignedString(t.bufferAddr()));
      g.writeNumberField("version", t.version());
      g.writeStringField("dtype", t.dtype());
      g.writeStringField("buffer_numel", Long.toUnsignedString(t.bufferNumel()));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("edges");
    for (DepsEdge e : graph.edges()) {
      g.writeStartObject();
      g.writeStringField("pred", Long.toUnsignedString(e.pred()));
      g.writeStringField("succ", Long.toUnsignedString(e.succ()));
      g.writeNumberField("arg", e.arg());
      g.writeStringField("source", e.source().text());
      g.writeArrayFieldStart("flags");
      for (String f : e.flags()) {
        g.writeString(f);
      }
      g.writeEndArray();
      if (e.overlap().isPresent()) {
        g.writeStringField("overlap", e.overlap().get());
      }
      if (e.consumer().isPresent()) {
        TensorSlice c = e.consumer().get();
        g.writeStringField("tensor_id", Long.toUnsignedString(c.tensorId()));
        writeSlice(g, "consumer_", c, true);
      }
      if (e.producer().isPresent()) {
        writeSlice(g, "producer_", e.producer().get(), false);
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
  }

  private static void writeSlice(JsonGenerator g, String prefix, TensorSlice s, boolean withDtype) throws IOException {
    if (withDtype) {
      g.writeStringField(prefix + "dtype", s.dtype());
    }
    g.writeArrayFieldStart(prefix + "shape");
    for (long v : s.shape()) {
      g.writeNumber(v);
    }
    g.writeEndArray();
    g.writeStringField(prefix + "start_offset", Long.toUnsignedString(s.startOffset()));
    g.writeArrayFieldStart(prefix + "strides");
    for (long v : s.strides()) {
      g.writeNumber(v);
    }
    g.writeEndArray();
  }
}
