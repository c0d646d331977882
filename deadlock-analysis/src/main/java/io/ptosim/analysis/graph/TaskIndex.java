package io.ptosim.analysis.graph;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.ptosim.analysis.internal.LongIntMap;
import io.ptosim.analysis.snapshot.Edge;
import io.ptosim.analysis.snapshot.RingRecord;
import io.ptosim.analysis.snapshot.ScopeRecord;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.snapshot.TaskRecord;
import io.ptosim.analysis.snapshot.TaskState;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot's tasks in canonical order (by ring, then id) with dense indices, per-ring spans,
 * id lookup and the edges as compact producer/consumer lists.
 *
 * <p>Everything downstream iterates this order, never the snapshot's, so that the same state gives
 * the same verdict and byte-identical output however its lines were ordered.
 */
public final class TaskIndex {
  private final Snapshot snapshot;
  private final TaskRecord[] tasks;
  // Hot fields copied out of the records: later passes stream these arrays instead of chasing
  // record and counter objects, which keeps the checker linear in practice at 65,536 tasks.
  private final long[] ids;
  private final byte[] states;
  private final int[] faninMissing;
  private final int[] fanoutMissing;
  private final boolean[] neverDispatched;
  private final int[] ringPositionOfTask;
  /** Per ring position, the id of its first task when its ids are contiguous, else -1. */
  private final long[] denseFirstId;
  /** Ids of tasks in rings whose ids are not contiguous. */
  private final LongIntMap sparseIds;
  private final RingRecord[] rings;
  private final int[] ringStart;
  private final int[] ringEnd;
  private final ImmutableList<ScopeRecord> scopes;
  private final LongIntMap scopePosition;
  private final boolean[] scopeOpen;
  private final Adjacency producers;
  private final Adjacency consumers;
  private final ImmutableList<Edge> duplicateEdges;

  /** Indexes {@code snapshot}; O(tasks + edges), plus a sort when tasks are out of order. */
  public TaskIndex(Snapshot snapshot) {
    this.snapshot = checkNotNull(snapshot, "snapshot");
    rings = snapshot.rings().toArray(new RingRecord[0]);
    Arrays.sort(rings, Comparator.comparingInt(RingRecord::ring));
    tasks = snapshot.tasks().toArray(new TaskRecord[0]);
    int n = tasks.length;
    ids = new long[n];
    states = new byte[n];
    faninMissing = new int[n];
    fanoutMissing = new int[n];
    neverDispatched = new boolean[n];
    ringPositionOfTask = new int[n];
    scopeOpen = new boolean[n];
    ringStart = new int[rings.length];
    ringEnd = new int[rings.length];
    scopes = snapshot.scopes();
    scopePosition = new LongIntMap(scopes.size());
    for (int k = 0; k < scopes.size(); k++) {
      scopePosition.putIfAbsent(scopes.get(k).id(), k);
    }
    int defaultRing = snapshot.defaultRing();
    // A simulation hands tasks over in canonical order; only sort (and read again) what is not.
    if (!extract(defaultRing)) {
      Arrays.sort(tasks, Comparator.<TaskRecord>comparingInt(t -> t.ring().orElse(defaultRing))
          .thenComparingLong(TaskRecord::id));
      Arrays.fill(ringStart, 0);
      Arrays.fill(ringEnd, 0);
      extract(defaultRing);
    }
    // Rings hold contiguous ids in submit order, so a lookup is usually arithmetic; only rings
    // with gaps in the dump fall back to a hash map.
    denseFirstId = new long[rings.length];
    int sparse = 0;
    for (int p = 0; p < rings.length; p++) {
      boolean dense = ringEnd[p] > ringStart[p];
      for (int i = ringStart[p] + 1; i < ringEnd[p] && dense; i++) {
        dense = ids[i] == ids[i - 1] + 1;
      }
      denseFirstId[p] = dense ? ids[ringStart[p]] : -1;
      sparse += dense ? 0 : ringEnd[p] - ringStart[p];
    }
    sparseIds = new LongIntMap(sparse);
    for (int i = 0; i < n; i++) {
      if (denseFirstId[ringPositionOfTask[i]] < 0) {
        sparseIds.putIfAbsent(ids[i], i);
      }
    }
    List<Edge> edges = snapshot.edges().orElse(ImmutableList.of());
    int[] producerOf = new int[edges.size()];
    int[] consumerOf = new int[edges.size()];
    for (int e = 0; e < edges.size(); e++) {
      producerOf[e] = find(edges.get(e).producer());
      consumerOf[e] = find(edges.get(e).consumer());
    }
    producers = new Adjacency(n, consumerOf, producerOf);
    consumers = new Adjacency(n, producerOf, consumerOf);
    ImmutableList.Builder<Edge> duplicates = ImmutableList.builder();
    for (int c = 0; c < n; c++) {
      for (int k = 1; k < producers.count(c); k++) {
        if (producers.get(c, k) == producers.get(c, k - 1)) {
          duplicates.add(new Edge(ids[producers.get(c, k)], ids[c]));
        }
      }
    }
    duplicateEdges = duplicates.build();
  }

  /**
   * Copies the hot fields of every task, in one pass over the records, and finds the ring spans.
   * Returns false, having stopped early, when the tasks are not in canonical order.
   */
  private boolean extract(int defaultRing) {
    int position = -1;
    for (int i = 0; i < tasks.length; i++) {
      TaskRecord task = tasks[i];
      int ring = task.ring().orElse(defaultRing);
      if (position < 0 || rings[position].ring() != ring) {
        int next = ringPosition(ring);
        if (next < position || ringEnd[next] > 0) {
          return false; // a ring seen before, or a lower ring after a higher one
        }
        position = next;
        ringStart[position] = i;
      } else if (task.id() <= ids[i - 1]) {
        return false;
      }
      ids[i] = task.id();
      states[i] = (byte) task.state().code();
      faninMissing[i] = saturated(task.fanin().missing());
      fanoutMissing[i] = saturated(task.fanout().missing());
      neverDispatched[i] = task.neverDispatched();
      ringPositionOfTask[i] = position;
      ringEnd[position] = i + 1;
      int k = task.scope().isPresent() ? scopePosition.get(task.scope().getAsLong()) : -1;
      scopeOpen[i] = k >= 0 && scopes.get(k).open();
    }
    return true;
  }

  /** Counter gaps fit an int in any real snapshot; clamping keeps absurd ones absurd. */
  private static int saturated(long value) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }

  /** The indexed snapshot. */
  public Snapshot snapshot() {
    return snapshot;
  }

  /** Number of tasks. */
  public int size() {
    return tasks.length;
  }

  /** The task at canonical index {@code i}. */
  public TaskRecord task(int i) {
    return tasks[i];
  }

  /** The id of task {@code i}. */
  public long id(int i) {
    return ids[i];
  }

  /** The state of task {@code i}. */
  public TaskState state(int i) {
    return TaskState.ofCode(states[i]);
  }

  /** Whether task {@code i} is COMPLETED or CONSUMED. */
  public boolean completed(int i) {
    return states[i] >= TaskState.COMPLETED.code();
  }

  /** Whether task {@code i} is CONSUMED. */
  public boolean consumed(int i) {
    return states[i] == TaskState.CONSUMED.code();
  }

  /** Whether task {@code i} is PENDING. */
  public boolean pending(int i) {
    return states[i] == TaskState.PENDING.code();
  }

  /** Fanin releases task {@code i} still misses ({@code b - a}, negative when corrupted). */
  public long faninMissing(int i) {
    return faninMissing[i];
  }

  /** Fanout releases task {@code i} still misses ({@code b - a}, negative when corrupted). */
  public long fanoutMissing(int i) {
    return fanoutMissing[i];
  }

  /** Whether task {@code i} must never be dispatched (hidden or mask 0). */
  public boolean neverDispatched(int i) {
    return neverDispatched[i];
  }

  /** The index of task {@code id}, or -1 when it is not in the snapshot (retired or unknown). */
  public int find(long id) {
    for (int p = 0; p < denseFirstId.length; p++) {
      long first = denseFirstId[p];
      if (first >= 0 && id >= first && id - first < ringEnd[p] - ringStart[p]) {
        return ringStart[p] + (int) (id - first);
      }
    }
    return sparseIds.size() == 0 ? -1 : sparseIds.get(id);
  }

  /** The ring number task {@code i} lives in. */
  public int ringOf(int i) {
    return rings[ringPositionOfTask[i]].ring();
  }

  /** Number of rings (positions 0 .. ringCount-1, ordered by ring number). */
  public int ringCount() {
    return rings.length;
  }

  /** The position of ring {@code number}, or -1 when it has no record. */
  public int ringPosition(int number) {
    for (int p = 0; p < rings.length; p++) {
      if (rings[p].ring() == number) {
        return p;
      }
    }
    return -1;
  }

  /** The ring position of task {@code i}. */
  public int ringPositionOf(int i) {
    return ringPositionOfTask[i];
  }

  /** The record of the ring at {@code position}. */
  public RingRecord ring(int position) {
    return rings[position];
  }

  /** First task index of the ring at {@code position}. */
  public int ringStart(int position) {
    return ringStart[position];
  }

  /** One past the last task index of the ring at {@code position}. */
  public int ringEnd(int position) {
    return ringEnd[position];
  }

  /** The record of scope {@code id}. */
  public Optional<ScopeRecord> scope(long id) {
    int k = scopePosition.get(id);
    return k < 0 ? Optional.empty() : Optional.of(scopes.get(k));
  }

  /** Whether task {@code i} still holds a reference of an open scope. */
  public boolean scopeOpen(int i) {
    return scopeOpen[i];
  }

  /** Whether the snapshot lists edges. */
  public boolean edgesKnown() {
    return snapshot.edgesKnown();
  }

  /** Producers of task {@code i} that are in the snapshot, ascending by index. */
  public Adjacency producers() {
    return producers;
  }

  /** Consumers of task {@code i} that are in the snapshot, ascending by index. */
  public Adjacency consumers() {
    return consumers;
  }

  /** Edges listed more than once (between tasks of the snapshot). */
  public ImmutableList<Edge> duplicateEdges() {
    return duplicateEdges;
  }

  /**
   * Compact adjacency lists over task indices (CSR), built by a stable counting sort and sorted
   * per task, plus how many listed neighbours are not in the snapshot (retired, hence completed).
   */
  public static final class Adjacency {
    private final int[] start;
    private final int[] list;
    private final int[] missing;

    /** Groups edge e's {@code to[e]} under {@code from[e]}; -1 entries are tasks not in the snapshot. */
    Adjacency(int n, int[] from, int[] to) {
      start = new int[n + 1];
      missing = new int[n];
      for (int e = 0; e < from.length; e++) {
        if (from[e] >= 0) {
          if (to[e] >= 0) {
            start[from[e] + 1]++;
          } else {
            missing[from[e]]++;
          }
        }
      }
      for (int i = 0; i < n; i++) {
        start[i + 1] += start[i];
      }
      list = new int[start[n]];
      int[] fill = Arrays.copyOf(start, n);
      for (int e = 0; e < from.length; e++) {
        if (from[e] >= 0 && to[e] >= 0) {
          list[fill[from[e]]++] = to[e];
        }
      }
      for (int i = 0; i < n; i++) {
        if (start[i + 1] - start[i] > 1) {
          Arrays.sort(list, start[i], start[i + 1]);
        }
      }
    }

    /** Number of neighbours of {@code i} in the snapshot. */
    public int count(int i) {
      return start[i + 1] - start[i];
    }

    /** The {@code k}-th neighbour of {@code i}. */
    public int get(int i, int k) {
      return list[start[i] + k];
    }

    /** Number of neighbours of {@code i} that are not in the snapshot. */
    public int missing(int i) {
      return missing[i];
    }
  }
}
