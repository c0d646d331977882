package io.ptosim.scheduler.tensormap;

import com.google.common.base.Preconditions;
import io.ptosim.scheduler.program.ArgDirection;
import io.ptosim.scheduler.program.TensorArg;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * AUTO-scope dependency discovery: upstream's TensorMap (pto_tensormap) plus the creator retention
 * the orchestrator performs next to it, keyed by tensor base address.
 *
 * <p>The runtime calls {@link #discover} per submit, or {@link #lookup} on every argument and then
 * {@link #insert} on every argument (OUTPUTs included: they record the owner), and {@link #insert}
 * on every alloc_tensors output.
 *
 * <ul>
 *   <li>{@link #insert}: an OUTPUT argument makes the task the buffer's <em>owner</em> (upstream
 *       writes owner_task_id into runtime-created outputs and alloc_tensors buffers); INOUT and
 *       OUTPUT_EXISTING add a writer entry for the byte range; an INOUT first drops the older
 *       entries of other tasks it fully covers; INPUT changes nothing.
 *   <li>{@link #lookup}: for any non-OUTPUT argument the buffer's owner (creator retention); for
 *       INPUT and INOUT also every writer entry overlapping the range, covered or partial, at most
 *       the {@value #MAX_LOOKUP_RESULTS} newest (upstream's fixed lookup result size).
 *   <li>{@link #retire}: entries of retired tasks are dropped lazily, all at once every
 *       {@value #CLEANUP_INTERVAL} retirements; until then plain {@link #lookup(TensorArg)} may
 *       still return them, while {@link #lookup(TensorArg, LongPredicate)} skips them the way
 *       upstream skips entries older than the ring's last_task_alive.
 * </ul>
 *
 * <p>Ranges are byte ranges of one buffer; upstream compares per-dimension boxes, which agrees for
 * the contiguous row views the workloads use. Tensor versions are not modelled. Not thread-safe;
 * only the orchestrator uses it, as upstream.
 */
public final class TensorMap {
  /** Upstream PTO2_TENSORMAP_CLEANUP_INTERVAL: retirements between two cleanups. */
  public static final int CLEANUP_INTERVAL = 64;

  /** Upstream PTO2_LOOKUP_MAX_RESULTS: overlapping writers one lookup reports, newest first. */
  public static final int MAX_LOOKUP_RESULTS = 16;

  private static final long NO_OWNER = -1;

  private final Map<Long, Buffer> buffers = new HashMap<>();
  private final Map<Long, TaskEntries> byTask = new HashMap<>();
  private final long[] retiredSinceCleanup = new long[CLEANUP_INTERVAL];
  private int retiredCount;
  private long nextSeq;
  private int entries;

  /** An empty map. */
  public TensorMap() {}

  /** Producers of {@code arg}: owner and overlapping writers, ascending and without repeats. */
  public long[] lookup(TensorArg arg) {
    return lookup(arg, task -> true);
  }

  /**
   * Producers of {@code arg} among the tasks {@code isLive} accepts: owner and overlapping
   * writers, ascending and without repeats. A task that already completed may be returned; the
   * caller counts it as released when wiring.
   */
  public long[] lookup(TensorArg arg, LongPredicate isLive) {
    Preconditions.checkNotNull(arg, "arg");
    Preconditions.checkNotNull(isLive, "isLive");
    Buffer buffer = buffers.get(arg.base());
    if (buffer == null || arg.direction() == ArgDirection.OUTPUT) {
      // A fresh OUTPUT has no history: upstream skips it entirely.
      return new long[0];
    }
    List<Entry> writers = new ArrayList<>();
    if (arg.direction().looksUp()) {
      for (List<Entry> atStart : buffer.overlapCandidates(arg.offset(), arg.end())) {
        for (Entry e : atStart) {
          if (e.end > arg.offset() && isLive.test(e.task)) {
            writers.add(e);
          }
        }
      }
      if (writers.size() > MAX_LOOKUP_RESULTS) {
        writers.sort((a, b) -> Long.compare(b.seq, a.seq));
        writers = writers.subList(0, MAX_LOOKUP_RESULTS);
      }
    }
    boolean withOwner = buffer.owner != NO_OWNER && isLive.test(buffer.owner);
    long[] out = new long[writers.size() + (withOwner ? 1 : 0)];
    int n = 0;
    for (Entry e : writers) {
      out[n++] = e.task;
    }
    if (withOwner) {
      out[n++] = buffer.owner;
    }
    return sortedDistinct(out);
  }

  /**
   * One submit's discovery in upstream's order: every argument is looked up (skipping tasks
   * {@code isLive} rejects), then every argument is recorded. Returns the producers ascending and
   * without repeats. Equivalent to {@link #lookup(TensorArg, LongPredicate)} on each argument
   * followed by {@link #insert} of each argument.
   */
  public long[] discover(long task, List<TensorArg> args, LongPredicate isLive) {
    Preconditions.checkNotNull(args, "args");
    long[] all = new long[0];
    for (TensorArg arg : args) {
      long[] found = lookup(arg, isLive);
      if (found.length > 0) {
        long[] merged = Arrays.copyOf(all, all.length + found.length);
        System.arraycopy(found, 0, merged, all.length, found.length);
        all = merged;
      }
    }
    for (TensorArg arg : args) {
      insert(task, arg);
    }
    return sortedDistinct(all);
  }

  /** Records what {@code task} does to {@code arg} (see the class comment); call after its lookup. */
  public void insert(long task, TensorArg arg) {
    Preconditions.checkArgument(task >= 0, "task id must be non-negative: %s", task);
    Preconditions.checkNotNull(arg, "arg");
    ArgDirection dir = arg.direction();
    if (dir == ArgDirection.INPUT) {
      return;
    }
    Buffer buffer = buffers.computeIfAbsent(arg.base(), b -> new Buffer());
    TaskEntries mine = byTask.computeIfAbsent(task, t -> new TaskEntries());
    if (dir == ArgDirection.OUTPUT) {
      buffer.owner = task;
      mine.ownedBases.add(arg.base());
      return;
    }
    if (dir == ArgDirection.INOUT) {
      // Upstream removes covered entries during the INOUT lookup, before this task's own inserts.
      for (Entry e : buffer.coveredBy(arg.offset(), arg.end())) {
        if (e.task != task) {
          unlink(buffer, e);
        }
      }
    }
    Entry entry = new Entry(task, arg.base(), arg.offset(), arg.end(), nextSeq++);
    buffer.add(entry);
    mine.writes.add(entry);
    entries++;
  }

  /**
   * {@code task} has retired (its ring's last_task_alive moved past it). Every
   * {@value #CLEANUP_INTERVAL}th call drops the entries and ownerships of all tasks retired since
   * the previous cleanup.
   */
  public void retire(long task) {
    Preconditions.checkArgument(task >= 0, "task id must be non-negative: %s", task);
    retiredSinceCleanup[retiredCount++] = task;
    if (retiredCount == CLEANUP_INTERVAL) {
      cleanup();
    }
  }

  /** Writer entries currently held, including those of retired tasks not yet cleaned up. */
  public int entries() {
    return entries;
  }

  /** The task that owns (created) the buffer at {@code base}, if it is still recorded. */
  public OptionalLong owner(long base) {
    Buffer buffer = buffers.get(base);
    return buffer == null || buffer.owner == NO_OWNER ? OptionalLong.empty() : OptionalLong.of(buffer.owner);
  }

  private void cleanup() {
    for (int i = 0; i < retiredCount; i++) {
      long task = retiredSinceCleanup[i];
      TaskEntries gone = byTask.remove(task);
      if (gone == null) {
        continue;
      }
      for (Entry e : gone.writes) {
        if (!e.removed) {
          Buffer buffer = buffers.get(e.base);
          unlink(buffer, e);
          dropIfEmpty(e.base, buffer);
        }
      }
      for (long base : gone.ownedBases) {
        Buffer buffer = buffers.get(base);
        if (buffer != null && buffer.owner == task) {
          buffer.owner = NO_OWNER;
          dropIfEmpty(base, buffer);
        }
      }
    }
    retiredCount = 0;
  }

  private void unlink(Buffer buffer, Entry e) {
    buffer.remove(e);
    e.removed = true;
    entries--;
  }

  private void dropIfEmpty(long base, Buffer buffer) {
    if (buffer.owner == NO_OWNER && buffer.byStart.isEmpty()) {
      buffers.remove(base);
    }
  }

  private static long[] sortedDistinct(long[] ids) {
    Arrays.sort(ids);
    int n = 0;
    for (int i = 0; i < ids.length; i++) {
      if (n == 0 || ids[n - 1] != ids[i]) {
        ids[n++] = ids[i];
      }
    }
    return n == ids.length ? ids : Arrays.copyOf(ids, n);
  }

  /** One writer entry: a task's INOUT/OUTPUT_EXISTING byte range of a buffer. */
  private static final class Entry {
    final long task;
    final long base;
    final long start;
    final long end;
    final long seq;
    boolean removed;

    Entry(long task, long base, long start, long end, long seq) {
      this.task = task;
      this.base = base;
      this.start = start;
      this.end = end;
      this.seq = seq;
    }
  }

  /** What one task put into the map, so that cleanup finds it without a scan. */
  private static final class TaskEntries {
    final List<Entry> writes = new ArrayList<>(2);
    final List<Long> ownedBases = new ArrayList<>(2);
  }

  /**
   * One buffer (base address): its owner and its writer entries sorted by start offset, so an
   * overlap query visits only entries starting within the longest entry's size before its end.
   */
  private static final class Buffer {
    long owner = NO_OWNER;
    final TreeMap<Long, List<Entry>> byStart = new TreeMap<>();
    long maxSize;

    void add(Entry e) {
      byStart.computeIfAbsent(e.start, s -> new ArrayList<>(1)).add(e);
      maxSize = Math.max(maxSize, e.end - e.start);
    }

    void remove(Entry e) {
      List<Entry> atStart = byStart.get(e.start);
      atStart.remove(e);
      if (atStart.isEmpty()) {
        byStart.remove(e.start);
      }
    }

    /** Entry lists that may overlap {@code [start, end)}; callers still check each entry's end. */
    Iterable<List<Entry>> overlapCandidates(long start, long end) {
      return byStart.subMap(start - maxSize, false, end, false).values();
    }

    List<Entry> coveredBy(long start, long end) {
      List<Entry> covered = new ArrayList<>();
      for (List<Entry> atStart : byStart.subMap(start, true, end, false).values()) {
        for (Entry e : atStart) {
          if (Overlap.of(start, end, e.start, e.end) == Overlap.COVERED) {
            covered.add(e);
          }
        }
      }
      return covered;
    }
  }
}
