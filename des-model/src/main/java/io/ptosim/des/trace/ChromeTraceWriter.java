package io.ptosim.des.trace;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ptosim.des.event.CoreId;
import io.ptosim.des.event.Shape;
import io.ptosim.des.event.TraceEvent;
import io.ptosim.des.platform.CoreType;
import io.ptosim.des.platform.DeviceClock;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Streams a run as Chrome trace JSON ({@code {"traceEvents":[...]}}), loadable in Perfetto.
 *
 * <p>One track per core (a slice per block, dispatch to done, named by task and kernel), one per
 * scheduler thread and one for the orchestrator (scope and stall slices, which nest), instant
 * events for submit, publish, ready, completion, release, consumed, ring advance, stall and abort.
 * Slices are written when they close, so memory holds only the open ones; timestamps are exact
 * microseconds with three decimals.
 */
public final class ChromeTraceWriter implements TraceSink {

  private static final int PID = 1;
  private static final int TID_ORCHESTRATOR = 1;
  private static final int TID_SCHEDULER = 10;
  private static final int TID_AIC = 100;
  private static final int TID_AIV = 1000;

  private final JsonGenerator json;
  private final int schedulerThreads;
  private final TreeSet<Integer> namedTracks = new TreeSet<>();
  /**
   * Open block slices by core, oldest first: two while a pending slot holds a block pre-loaded
   * behind the running one (main's dual slot).
   */
  private final Map<CoreId, List<TraceEvent.Dispatch>> openBlocks = new HashMap<>();
  /**
   * Per core, where its last slice ended: a pre-loaded block's slice starts there, not at its
   * dispatch, so that a core's slices never overlap (it computes one block at a time).
   */
  private final Map<CoreId, Long> lastEnd = new HashMap<>();
  /** Open MIX blocks by (task, block): each of their cores gets its slice when its subtask is done. */
  private final Map<List<Long>, TraceEvent.Dispatch> openMix = new HashMap<>();
  /** Open orchestrator slices (scopes and the stall), innermost last. */
  private final Deque<OpenSlice> orchestrator = new ArrayDeque<>();

  private record OpenSlice(String name, long startNs, String kind, long id) {}

  public ChromeTraceWriter(OutputStream out, int schedulerThreads) throws IOException {
    this.schedulerThreads = schedulerThreads;
    this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
    json.writeStartObject();
    json.writeStringField("displayTimeUnit", "ns");
    json.writeArrayFieldStart("traceEvents");
    json.writeStartObject();
    json.writeStringField("ph", "M");
    json.writeStringField("name", "process_name");
    json.writeNumberField("pid", PID);
    json.writeObjectFieldStart("args");
    json.writeStringField("name", "a2a3 device (virtual)");
    json.writeEndObject();
    json.writeEndObject();
  }

  /** The shortest slice a still-open orchestrator slice gets at the run's end: 1 us, Perfetto's unit. */
  static final long MIN_OPEN_SLICE_NS = 1_000;

  @Override
  public void accept(TraceEvent event, CharSequence line) throws IOException {
    long t = event.atNs();
    if (event instanceof TraceEvent.Dispatch d && d.shape() == Shape.MIX) {
      openMix.put(List.of(d.task(), (long) d.block()), d);
    } else if (event instanceof TraceEvent.SubtaskDone s) {
      TraceEvent.Dispatch d = openMix.get(List.of(s.task(), (long) s.block()));
      if (d == null) {
        throw new IllegalStateException("core " + s.core() + " finished a subtask of a block never started");
      }
      coreSlice(s.core(), d, t);
    } else if (event instanceof TraceEvent.BlockDone b && openMix.remove(List.of(b.task(), (long) b.block())) != null) {
      // a MIX block: each core's slice ended at its subtask
    } else if (event instanceof TraceEvent.Dispatch d) {
      List<TraceEvent.Dispatch> open = openBlocks.computeIfAbsent(d.core(), k -> new ArrayList<>(2));
      if (open.size() == 2) {
        throw new IllegalStateException("core " + d.core() + " dispatched task " + d.task() + " while both its slots hold tasks "
            + open.get(0).task() + " and " + open.get(1).task());
      }
      open.add(d);
    } else if (event instanceof TraceEvent.BlockDone b) {
      List<TraceEvent.Dispatch> open = openBlocks.getOrDefault(b.core(), List.of());
      TraceEvent.Dispatch d = null;
      for (int i = 0; i < open.size() && d == null; i++) {
        if (open.get(i).task() == b.task() && open.get(i).block() == b.block()) {
          d = open.remove(i);
        }
      }
      if (d == null) {
        throw new IllegalStateException("core " + b.core() + " finished a block it never started");
      }
      coreSlice(b.core(), d, t);
    } else if (event instanceof TraceEvent.Submit s) {
      instant(TID_ORCHESTRATOR, "submit t" + s.task(), t, s.task());
    } else if (event instanceof TraceEvent.Publish p) {
      instant(TID_ORCHESTRATOR, "publish t" + p.task(), t, p.task());
    } else if (event instanceof TraceEvent.Ready r) {
      instant(threadTid(r.thread()), "ready t" + r.task(), t, r.task());
    } else if (event instanceof TraceEvent.Complete c) {
      instant(threadTid(c.thread()), "complete t" + c.task(), t, c.task());
    } else if (event instanceof TraceEvent.FanoutRelease f) {
      instant(threadTid(f.thread()), "release t" + f.task(), t, f.task());
    } else if (event instanceof TraceEvent.Consumed c) {
      instant(threadTid(c.thread()), "consumed t" + c.task(), t, c.task());
    } else if (event instanceof TraceEvent.RingAdvance a) {
      instant(threadTid(a.thread()), "ring " + a.ring() + " last_alive " + a.toLastAlive(), t, -1);
    } else if (event instanceof TraceEvent.AllocStall s) {
      orchestrator.push(new OpenSlice("alloc stall ring " + s.ring() + " (" + s.resource() + ")", t, "stall", s.ring()));
      instant(TID_ORCHESTRATOR, "stall ring " + s.ring(), t, -1);
    } else if (event instanceof TraceEvent.AllocResume r) {
      closeOrchestrator("stall", t);
    } else if (event instanceof TraceEvent.StallVerdict v) {
      instant(TID_ORCHESTRATOR, "verdict " + v.verdict(), t, -1);
    } else if (event instanceof TraceEvent.ScopeBegin s) {
      orchestrator.push(new OpenSlice("scope " + s.scope() + " " + s.mode(), t, "scope", s.scope()));
    } else if (event instanceof TraceEvent.ScopeEnd s) {
      closeOrchestrator("scope", t);
    } else if (event instanceof TraceEvent.Abort a) {
      instant(TID_ORCHESTRATOR, "abort: " + a.message(), t, -1);
    } else {
      throw new AssertionError("unhandled event kind " + event.kind());
    }
  }

  /** The slice of block {@code d} on {@code core}, ending at {@code endNs}, after the core's previous slice. */
  private void coreSlice(CoreId core, TraceEvent.Dispatch d, long endNs) throws IOException {
    long start = Math.max(d.atNs(), lastEnd.getOrDefault(core, Long.MIN_VALUE));
    lastEnd.put(core, endNs);
    slice(coreTid(core), "t" + d.task() + " " + d.kernel(), start, endNs, d.task(), d.block() + "/" + d.blockNum());
  }

  private void closeOrchestrator(String kind, long endNs) throws IOException {
    OpenSlice open = orchestrator.poll();
    if (open == null || !open.kind().equals(kind)) {
      throw new IllegalStateException("orchestrator " + kind + " ended while " + (open == null ? "nothing" : open.name()) + " was open");
    }
    slice(TID_ORCHESTRATOR, open.name(), open.startNs(), endNs, -1, null);
  }

  @Override
  public void finish(long endNs) throws IOException {
    // A run that aborts leaves slices open: close them at the end, innermost first, so they nest.
    // A stall the checker judges at once ends where it began; it is stretched to one microsecond so
    // that a deadlocked run's stall is visible in Perfetto (display only: the hash is the text's).
    long closeNs = endNs;
    for (OpenSlice open : orchestrator) {
      closeNs = Math.max(closeNs, open.startNs() + MIN_OPEN_SLICE_NS);
    }
    while (!orchestrator.isEmpty()) {
      OpenSlice open = orchestrator.pop();
      slice(TID_ORCHESTRATOR, open.name(), open.startNs(), closeNs, -1, null);
    }
    TreeSet<CoreId> cores = new TreeSet<>((a, b) -> Integer.compare(coreTid(a), coreTid(b)));
    cores.addAll(openBlocks.keySet());
    for (CoreId core : cores) {
      // the running block only: a pre-loaded one behind it never started computing
      List<TraceEvent.Dispatch> open = openBlocks.get(core);
      if (open.isEmpty()) {
        continue;
      }
      TraceEvent.Dispatch d = open.get(0);
      long start = Math.max(d.atNs(), lastEnd.getOrDefault(core, Long.MIN_VALUE));
      slice(coreTid(core), "t" + d.task() + " " + d.kernel() + " (unfinished)", start, Math.max(start, endNs), d.task(),
          d.block() + "/" + d.blockNum());
    }
    openBlocks.clear();
    for (TraceEvent.Dispatch d : openMix.values().stream()
        .sorted(java.util.Comparator.comparingLong(TraceEvent.Dispatch::atNs).thenComparingLong(TraceEvent.Dispatch::task)
            .thenComparingInt(TraceEvent.Dispatch::block)).toList()) {
      long start = Math.max(d.atNs(), lastEnd.getOrDefault(d.core(), Long.MIN_VALUE));
      slice(coreTid(d.core()), "t" + d.task() + " " + d.kernel() + " (unfinished)", start, Math.max(start, endNs), d.task(),
          d.block() + "/" + d.blockNum());
    }
    openMix.clear();
    json.writeEndArray();
    json.writeEndObject();
    json.close();
  }

  private int threadTid(int thread) {
    return thread >= schedulerThreads ? TID_ORCHESTRATOR : TID_SCHEDULER + thread;
  }

  private static int coreTid(CoreId core) {
    return (core.type() == CoreType.AIC ? TID_AIC : TID_AIV) + core.index();
  }

  private void nameTrack(int tid) throws IOException {
    if (!namedTracks.add(tid)) {
      return;
    }
    String name;
    if (tid == TID_ORCHESTRATOR) {
      name = "orchestrator (AICPU " + schedulerThreads + ")";
    } else if (tid < TID_AIC) {
      name = "scheduler " + (tid - TID_SCHEDULER);
    } else if (tid < TID_AIV) {
      name = "AIC" + (tid - TID_AIC);
    } else {
      name = "AIV" + (tid - TID_AIV);
    }
    json.writeStartObject();
    json.writeStringField("ph", "M");
    json.writeStringField("name", "thread_name");
    json.writeNumberField("pid", PID);
    json.writeNumberField("tid", tid);
    json.writeObjectFieldStart("args");
    json.writeStringField("name", name);
    json.writeEndObject();
    json.writeEndObject();
    json.writeStartObject();
    json.writeStringField("ph", "M");
    json.writeStringField("name", "thread_sort_index");
    json.writeNumberField("pid", PID);
    json.writeNumberField("tid", tid);
    json.writeObjectFieldStart("args");
    json.writeNumberField("sort_index", tid);
    json.writeEndObject();
    json.writeEndObject();
  }

  private void slice(int tid, String name, long startNs, long endNs, long task, String block) throws IOException {
    nameTrack(tid);
    json.writeStartObject();
    json.writeStringField("ph", "X");
    json.writeStringField("name", name);
    json.writeFieldName("ts");
    json.writeNumber(DeviceClock.micros(startNs));
    json.writeFieldName("dur");
    json.writeNumber(DeviceClock.micros(endNs - startNs));
    json.writeNumberField("pid", PID);
    json.writeNumberField("tid", tid);
    if (task >= 0) {
      json.writeObjectFieldStart("args");
      json.writeNumberField("task", task);
      if (block != null) {
        json.writeStringField("block", block);
      }
      json.writeNumberField("tick", DeviceClock.ticks(startNs));
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private void instant(int tid, String name, long atNs, long task) throws IOException {
    nameTrack(tid);
    json.writeStartObject();
    json.writeStringField("ph", "i");
    json.writeStringField("s", "t");
    json.writeStringField("name", name);
    json.writeFieldName("ts");
    json.writeNumber(DeviceClock.micros(atNs));
    json.writeNumberField("pid", PID);
    json.writeNumberField("tid", tid);
    json.writeObjectFieldStart("args");
    if (task >= 0) {
      json.writeNumberField("task", task);
    }
    json.writeNumberField("tick", DeviceClock.ticks(atNs));
    json.writeEndObject();
    json.writeEndObject();
  }
}
