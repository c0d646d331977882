package io.ptosim.scheduler.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON value with its JSON pointer, so that every read that fails names the field
 * ({@code deps.json: /tasks/3/block_num: expected an integer}). Reads are strict about types and
 * lenient about extra keys (a newer upstream may add fields).
 */
final class Node {
  private final String file;
  private final String pointer;
  private final JsonNode json;

  Node(String file, String pointer, JsonNode json) {
    this.file = file;
    this.pointer = pointer;
    this.json = json;
  }

  static Node root(String file, JsonNode json) {
    return new Node(file, "", json);
  }

  String pointer() {
    return pointer.isEmpty() ? "/" : pointer;
  }

  UpstreamFormatException error(String what) {
    return new UpstreamFormatException(file + ": " + pointer() + ": " + what);
  }

  Node object() throws UpstreamFormatException {
    if (!json.isObject()) {
      throw error("expected an object");
    }
    return this;
  }

  boolean has(String key) {
    return json.has(key);
  }

  Node get(String key) throws UpstreamFormatException {
    object();
    JsonNode v = json.get(key);
    if (v == null) {
      throw new UpstreamFormatException(file + ": " + pointer + "/" + key + ": missing");
    }
    return new Node(file, pointer + "/" + key, v);
  }

  List<Node> elements() throws UpstreamFormatException {
    if (!json.isArray()) {
      throw error("expected an array");
    }
    List<Node> out = new ArrayList<>(json.size());
    for (int i = 0; i < json.size(); i++) {
      out.add(new Node(file, pointer + "/" + i, json.get(i)));
    }
    return out;
  }

  int size() {
    return json.size();
  }

  String text() throws UpstreamFormatException {
    if (!json.isTextual()) {
      throw error("expected a string");
    }
    return json.asText();
  }

  boolean bool() throws UpstreamFormatException {
    if (!json.isBoolean()) {
      throw error("expected true or false");
    }
    return json.asBoolean();
  }

  long longValue() throws UpstreamFormatException {
    if (!json.isIntegralNumber() || !json.canConvertToLong()) {
      throw error("expected an integer");
    }
    return json.asLong();
  }

  int intValue() throws UpstreamFormatException {
    if (!json.isIntegralNumber() || !json.canConvertToInt()) {
      throw error("expected a 32-bit integer");
    }
    return json.asInt();
  }

  /**
   * An unsigned 64-bit value, written by upstream as a decimal string (task ids, tensor ids,
   * addresses) or, in the swimlane records, as a number; kept as the same 64 bits in a long.
   */
  long unsigned() throws UpstreamFormatException {
    String s;
    if (json.isTextual()) {
      s = json.asText();
    } else if (json.isIntegralNumber()) {
      s = json.bigIntegerValue().toString();
    } else {
      throw error("expected an unsigned 64-bit integer (a decimal string)");
    }
    try {
      return Long.parseUnsignedLong(s);
    } catch (NumberFormatException e) {
      throw error("not an unsigned 64-bit integer: '" + s + "'");
    }
  }

  <T> ImmutableList<T> list(Reader<T> reader) throws UpstreamFormatException {
    ImmutableList.Builder<T> out = ImmutableList.builderWithExpectedSize(size());
    for (Node n : elements()) {
      out.add(reader.read(n));
    }
    return out.build();
  }

  ImmutableList<Long> longs() throws UpstreamFormatException {
    return list(Node::longValue);
  }

  /** Reads one element. */
  @FunctionalInterface
  interface Reader<T> {
    T read(Node node) throws UpstreamFormatException;
  }
}
