package io.ptosim.analysis.text;

import com.google.common.collect.ImmutableSet;
import java.util.Optional;

/** The record kinds of the snapshot format and the keys each one understands. */
enum RecordKind {
  TASK(
      "task",
      "task", "state", "fanin", "fanout", "active_mask", "done", "block_num", "next_block",
      "ring", "scope", "kind"),
  EDGE("edge", "edge"),
  RING("ring", "ring", "window", "last_alive", "current", "dep_pool", "dep_reclaim_at", "fanin_pool",
      "fanin_held"),
  SCOPE("scope", "scope", "mode", "state", "ring", "depth"),
  ORCHESTRATOR("orchestrator", "orchestrator", "waiting", "ring", "needed", "scope"),
  PENDING("pending", "pending", "at_ns", "task"),
  DISPATCH("dispatch:", "thread", "shape", "task", "block"),
  READY_LOCAL("ready(local):", "task", "shape", "fanin");

  private final String opener;
  private final ImmutableSet<String> keys;

  RecordKind(String opener, String... keys) {
    this.opener = opener;
    this.keys = ImmutableSet.copyOf(keys);
  }

  /** The key (or, for trace lines, the marker token) that makes a line this record. */
  String opener() {
    return opener;
  }

  /** Whether {@code key} means something in this record (others are ignored). */
  boolean knows(String key) {
    return keys.contains(key);
  }

  /** The keyed record whose opening key is {@code key}. */
  static Optional<RecordKind> ofKey(String key) {
    for (RecordKind kind : values()) {
      if (!kind.isTrace() && kind.opener.equals(key)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** The trace record opened by marker token {@code token}. */
  static Optional<RecordKind> ofMarker(String token) {
    if (token.equals(DISPATCH.opener)) {
      return Optional.of(DISPATCH);
    }
    return token.equals(READY_LOCAL.opener) ? Optional.of(READY_LOCAL) : Optional.empty();
  }

  boolean isTrace() {
    return this == DISPATCH || this == READY_LOCAL;
  }

  /** The record's name in messages. */
  String label() {
    return switch (this) {
      case TASK -> "task";
      case EDGE -> "edge";
      case RING -> "ring";
      case SCOPE -> "scope";
      case ORCHESTRATOR -> "orchestrator";
      case PENDING -> "pending";
      case DISPATCH -> "dispatch trace";
      case READY_LOCAL -> "ready(local) trace";
    };
  }
}
