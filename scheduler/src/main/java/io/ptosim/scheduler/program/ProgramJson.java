package io.ptosim.scheduler.program;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

/**
 * Reads and writes the versioned program file ({@code "format": "ptosim-program", "version": 1},
 * documented in docs/program-format.md). Reading is strict, since a typo in a hand-written program
 * must not silently change the graph: unknown ops and fields, missing or ill-typed fields and JSON
 * syntax errors all become a one-line {@link ProgramException}, and the result is validated.
 */
public final class ProgramJson {
  public static final String FORMAT = "ptosim-program";
  public static final int VERSION = 1;

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** Jackson's default nesting limit, named in the error. */
  static final int MAX_NESTING = 1000;

  private static final ImmutableSet<String> TOP_FIELDS = ImmutableSet.of("format", "version", "name", "ops");
  private static final ImmutableSet<String> ARG_FIELDS = ImmutableSet.of("dir", "base", "offset", "size");

  private ProgramJson() {}

  /** Parses and validates a program file's text. */
  public static Program parse(String json) throws ProgramException {
    Preconditions.checkNotNull(json, "json");
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
      throw new ProgramException(-1, JsonNesting.message(json, MAX_NESTING));
    } catch (JsonProcessingException e) {
      throw new ProgramException(-1, syntaxMessage(e));
    }
    return ProgramValidator.validate(new Reader(root).program());
  }

  /** Reads and validates a program file (UTF-8). */
  public static Program read(Path path) throws IOException, ProgramException {
    return parse(Files.readString(path, StandardCharsets.UTF_8));
  }

  /** The program as file text: a header, then one op per line so that diffs and error lines stay readable. */
  public static String write(Program program) {
    Preconditions.checkNotNull(program, "program");
    StringBuilder out = new StringBuilder();
    out.append("{\"format\":\"").append(FORMAT).append("\",\"version\":").append(VERSION);
    out.append(",\"name\":").append(MAPPER.getNodeFactory().textNode(program.name()));
    out.append(",\"ops\":[");
    String sep = "\n";
    for (Op op : program.ops()) {
      out.append(sep).append(opNode(op));
      sep = ",\n";
    }
    out.append("\n]}\n");
    return out.toString();
  }

  /** Writes the program file (UTF-8). */
  public static void write(Program program, Path path) throws IOException {
    Files.writeString(path, write(program), StandardCharsets.UTF_8);
  }

  private static String syntaxMessage(JsonProcessingException e) {
    String message = e.getOriginalMessage().lines().findFirst().orElse("invalid JSON");
    JsonLocation at = e.getLocation();
    if (at != null && at.getLineNr() > 0) {
      return "JSON syntax error at line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + message;
    }
    return "JSON syntax error: " + message;
  }

  private static ObjectNode opNode(Op op) {
    ObjectNode node = MAPPER.createObjectNode();
    if (op instanceof Op.ScopeBegin begin) {
      node.put("op", "scope_begin").put("mode", begin.mode().name());
    } else if (op instanceof Op.ScopeEnd) {
      node.put("op", "scope_end");
    } else if (op instanceof Op.Submit submit) {
      node.put("op", "submit")
          .put("task", submit.task())
          .put("kernel", submit.kernel())
          .put("active_mask", submit.activeMask())
          .put("block_num", submit.blockNum());
      argsNode(node.putArray("args"), submit.args());
      submit.completionConditions().ifPresent(n -> node.put("completion_conditions", n));
      if (!submit.coreKernels().isEmpty()) {
        ObjectNode cores = node.putObject("core_kernels");
        for (int slot = 0; slot < 3; slot++) {
          if (!submit.coreKernels().get(slot).isEmpty()) {
            cores.put(Op.Submit.SLOT_NAMES.get(slot), submit.coreKernels().get(slot));
          }
        }
      }
    } else if (op instanceof Op.AllocTensors alloc) {
      node.put("op", "alloc_tensors").put("task", alloc.task());
      argsNode(node.putArray("outputs"), alloc.outputs());
    } else if (op instanceof Op.AddDependency dep) {
      node.put("op", "add_dependency").put("producer", dep.producer()).put("consumer", dep.consumer());
    } else if (op instanceof Op.ReportFatal fatal) {
      node.put("op", "report_fatal").put("code", fatal.code()).put("message", fatal.message());
    } else {
      throw new AssertionError("unknown op " + op);
    }
    return node;
  }

  private static void argsNode(ArrayNode array, ImmutableList<TensorArg> args) {
    for (TensorArg a : args) {
      array.addObject().put("dir", a.direction().name()).put("base", a.base()).put("offset", a.offset()).put("size", a.size());
    }
  }

  /** Turns a parsed tree into ops; every error names the op index and the field. */
  private static final class Reader {
    private final JsonNode root;

    Reader(JsonNode root) {
      this.root = root;
    }

    Program program() throws ProgramException {
      if (root == null || !root.isObject()) {
        throw new ProgramException(-1, "a program file must be a JSON object");
      }
      Fields top = new Fields(root, "");
      top.only(TOP_FIELDS);
      String format = top.text("format");
      if (!format.equals(FORMAT)) {
        throw new ProgramException(-1, "field 'format' must be \"" + FORMAT + "\", got \"" + format + "\"");
      }
      long version = top.integer("version");
      if (version != VERSION) {
        throw new ProgramException(-1, "unsupported version " + version + " (this reader knows version " + VERSION + ")");
      }
      String name = top.text("name");
      JsonNode ops = top.required("ops");
      if (!ops.isArray()) {
        throw new ProgramException(-1, "field 'ops' must be an array, got " + kind(ops));
      }
      ImmutableList.Builder<Op> list = ImmutableList.builderWithExpectedSize(ops.size());
      for (int i = 0; i < ops.size(); i++) {
        list.add(op(i, ops.get(i)));
      }
      return new Program(name, list.build());
    }

    private static Op op(int i, JsonNode node) throws ProgramException {
      if (!node.isObject()) {
        throw new ProgramException(i, "an op must be a JSON object, got " + kind(node));
      }
      JsonNode opName = node.get("op");
      if (opName == null) {
        throw new ProgramException(i, "missing field 'op'");
      }
      if (!opName.isTextual()) {
        throw new ProgramException(i, "field 'op' must be a string, got " + kind(opName));
      }
      String name = opName.asText();
      Fields f = new Fields(node, i, "(" + name + ") ");
      try {
        switch (name) {
          case "scope_begin":
            f.only(ImmutableSet.of("op", "mode"));
            return new Op.ScopeBegin(f.constant("mode", ScopeMode.class, "AUTO or MANUAL"));
          case "scope_end":
            f.only(ImmutableSet.of("op"));
            return new Op.ScopeEnd();
          case "submit":
            f.only(ImmutableSet.of("op", "task", "kernel", "active_mask", "block_num", "args", "completion_conditions",
                "core_kernels"));
            return new Op.Submit(
                f.integer("task"), f.text("kernel"), f.int32("active_mask"), f.int32("block_num"), f.args("args"),
                f.optionalInt32("completion_conditions"), f.coreKernels("core_kernels"));
          case "alloc_tensors":
            f.only(ImmutableSet.of("op", "task", "outputs"));
            return new Op.AllocTensors(f.integer("task"), f.args("outputs"));
          case "add_dependency":
            f.only(ImmutableSet.of("op", "producer", "consumer"));
            return new Op.AddDependency(f.integer("producer"), f.integer("consumer"));
          case "report_fatal":
            f.only(ImmutableSet.of("op", "code", "message"));
            return new Op.ReportFatal(f.int32("code"), f.text("message"));
          default:
            throw new ProgramException(i, "unknown op '" + name + "'");
        }
      } catch (IllegalArgumentException e) {
        // A value the op's own record rejects (e.g. block_num 0): report it like a field error.
        throw new ProgramException(i, "(" + name + ") " + e.getMessage());
      }
    }
  }

  /** Typed access to one JSON object's fields, with errors prefixed by where the object is. */
  private static final class Fields {
    private final JsonNode node;
    private final int opIndex;
    private final String where;

    Fields(JsonNode node, String where) {
      this(node, -1, where);
    }

    Fields(JsonNode node, int opIndex, String where) {
      this.node = node;
      this.opIndex = opIndex;
      this.where = where;
    }

    private ProgramException error(String message) {
      return new ProgramException(opIndex, where + message);
    }

    void only(ImmutableSet<String> allowed) throws ProgramException {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        if (!allowed.contains(field)) {
          throw error("unknown field '" + field + "'");
        }
      }
    }

    JsonNode required(String field) throws ProgramException {
      JsonNode value = node.get(field);
      if (value == null) {
        throw error("missing field '" + field + "'");
      }
      return value;
    }

    String text(String field) throws ProgramException {
      JsonNode value = required(field);
      if (!value.isTextual()) {
        throw error("field '" + field + "' must be a string, got " + kind(value));
      }
      return value.asText();
    }

    long integer(String field) throws ProgramException {
      JsonNode value = required(field);
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        throw error("field '" + field + "' must be an integer, got " + kind(value));
      }
      return value.asLong();
    }

    int int32(String field) throws ProgramException {
      JsonNode value = required(field);
      if (!value.isIntegralNumber() || !value.canConvertToInt()) {
        throw error("field '" + field + "' must be a 32-bit integer, got " + kind(value));
      }
      return value.asInt();
    }

    /** An optional 32-bit integer field: empty when absent. */
    java.util.OptionalInt optionalInt32(String field) throws ProgramException {
      return node.has(field) ? java.util.OptionalInt.of(int32(field)) : java.util.OptionalInt.empty();
    }

    /** An enum constant spelled exactly as its name; the message lists the choices. */
    <E extends Enum<E>> E constant(String field, Class<E> type, String choices) throws ProgramException {
      String text = text(field);
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(text)) {
          return e;
        }
      }
      throw error("field '" + field + "' must be " + choices + ", got \"" + text + "\"");
    }

    /**
     * The optional per-core kernels: absent, every core runs {@code kernel}; else an object naming a
     * kernel for each of {@code aic}, {@code aiv0}, {@code aiv1} the mask names (checked by the op).
     */
    ImmutableList<String> coreKernels(String field) throws ProgramException {
      JsonNode value = node.get(field);
      if (value == null) {
        return ImmutableList.of();
      }
      if (!value.isObject()) {
        throw error("field '" + field + "' must be an object {\"aic\":K,\"aiv0\":K,\"aiv1\":K}, got " + kind(value));
      }
      Fields c = new Fields(value, opIndex, where + field + ": ");
      c.only(ImmutableSet.copyOf(Op.Submit.SLOT_NAMES));
      ImmutableList.Builder<String> slots = ImmutableList.builder();
      for (String slot : Op.Submit.SLOT_NAMES) {
        slots.add(value.has(slot) ? c.text(slot) : "");
      }
      return slots.build();
    }

    ImmutableList<TensorArg> args(String field) throws ProgramException {
      JsonNode value = required(field);
      if (!value.isArray()) {
        throw error("field '" + field + "' must be an array, got " + kind(value));
      }
      ImmutableList.Builder<TensorArg> args = ImmutableList.builder();
      for (int k = 0; k < value.size(); k++) {
        JsonNode arg = value.get(k);
        Fields a = new Fields(arg, opIndex, where + field + "[" + k + "]: ");
        if (!arg.isObject()) {
          throw a.error("must be a JSON object, got " + kind(arg));
        }
        a.only(ARG_FIELDS);
        try {
          ArgDirection dir = a.constant("dir", ArgDirection.class, "INPUT, OUTPUT, INOUT or OUTPUT_EXISTING");
          args.add(new TensorArg(dir, a.integer("base"), a.integer("offset"), a.integer("size")));
        } catch (IllegalArgumentException e) {
          throw a.error(e.getMessage());
        }
      }
      return args.build();
    }
  }

  /** How an unexpected value is named in a message: its JSON type and a short rendering. */
  private static String kind(JsonNode value) {
    String text = value.toString();
    if (text.length() > 40) {
      text = text.substring(0, 37) + "...";
    }
    return value.getNodeType().name().toLowerCase(Locale.ROOT) + " " + text;
  }
}
