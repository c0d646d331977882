package io.ptosim.des.trace;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import io.ptosim.des.event.TraceEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Records a run: every event is rendered once to its canonical line, folded into the SHA-256 trace
 * hash, counted, and handed to the sinks (text file, Chrome trace, in-memory list for tests).
 */
public final class TraceRecorder {

  private final List<TraceSink> sinks;
  private final Hasher hasher = Hashing.sha256().newHasher();
  private final StringBuilder line = new StringBuilder(128);
  private long events;
  private long lastNs;
  private String hash;

  public TraceRecorder(List<? extends TraceSink> sinks) {
    this.sinks = ImmutableList.copyOf(sinks);
  }

  public TraceRecorder() {
    this(ImmutableList.of());
  }

  public void record(TraceEvent event) {
    Preconditions.checkState(hash == null, "trace already finished");
    Preconditions.checkArgument(event.atNs() >= lastNs, "event before the previous one: %s", event);
    lastNs = event.atNs();
    line.setLength(0);
    CanonicalText.append(event, line);
    hasher.putString(line, StandardCharsets.UTF_8).putByte((byte) '\n');
    events++;
    try {
      for (TraceSink sink : sinks) {
        sink.accept(event, line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing the trace failed", e);
    }
  }

  /** Events recorded so far. */
  public long events() {
    return events;
  }

  /** Ends the trace at {@code endNs}; returns the hash. Idempotent. */
  public String finish(long endNs) {
    if (hash == null) {
      hash = hasher.hash().toString();
      try {
        for (TraceSink sink : sinks) {
          sink.finish(Math.max(endNs, lastNs));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("writing the trace failed", e);
      }
    }
    return hash;
  }

  /** The SHA-256 of the canonical text (each line with a newline), hex; only after {@link #finish}. */
  public String hash() {
    Preconditions.checkState(hash != null, "trace not finished");
    return hash;
  }
}
