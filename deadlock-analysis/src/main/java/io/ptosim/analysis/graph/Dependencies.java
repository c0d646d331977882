package io.ptosim.analysis.graph;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.BitSet;

/**
 * What each task still waits for, read from its counters: the unfinished producers its fanin
 * needs, whether its publish barrier is still held, the unfinished consumers its fanout needs and
 * how many releases completed consumers still owe (batched).
 *
 * <p>With edges the sets are exact. Without, they are inferred from the counters: the missing
 * fanin releases come from the nearest unfinished earlier tasks of the same ring, and a gap those
 * cannot explain is the publish barrier; the missing fanout releases come from the nearest
 * unfinished later tasks of the ring, and a gap beyond them is batched releases. Inferred sets are
 * flagged so that a verdict can list what it assumed. The snapshot is assumed to have passed the
 * invariant checks (counters within range, consistent with edges).
 */
public final class Dependencies {
  private final TaskIndex index;
  private final int[] producerStart;
  private final int[] producerList;
  private final BitSet unpublished = new BitSet();
  private final BitSet faninInferred = new BitSet();
  private final int[] consumerStart;
  private final int[] consumerList;
  private final long[] deferred;
  private final BitSet fanoutInferred = new BitSet();

  /** Derives the waits of every task of {@code index}; O(tasks + edges + missing releases). */
  public Dependencies(TaskIndex index) {
    this.index = checkNotNull(index, "index");
    int n = index.size();
    producerStart = new int[n + 1];
    consumerStart = new int[n + 1];
    deferred = new long[n];
    IntList producers = new IntList(n);
    IntList consumers = new IntList(n);
    for (int p = 0; p < index.ringCount(); p++) {
      int from = index.ringStart(p);
      int to = index.ringEnd(p);
      if (index.edgesKnown()) {
        exact(from, to, producers, consumers);
      } else {
        inferred(from, to, producers, consumers);
      }
    }
    producerList = producers.array();
    consumerList = consumers.array();
  }

  private void exact(int from, int to, IntList producers, IntList consumers) {
    for (int i = from; i < to; i++) {
      if (waitsForFanin(i)) {
        int unfinished = unfinished(index.producers(), i, producers);
        if (index.faninMissing(i) > unfinished) {
          unpublished.set(i);
        }
      }
      producerStart[i + 1] = producers.size();
      long owed = fanoutOwedByConsumers(i);
      if (owed > 0) {
        deferred[i] = Math.max(0, owed - unfinished(index.consumers(), i, consumers));
      }
      consumerStart[i + 1] = consumers.size();
    }
  }

  /** Appends task {@code i}'s listed neighbours that have not completed; returns how many. */
  private int unfinished(TaskIndex.Adjacency listed, int i, IntList into) {
    int count = 0;
    for (int k = 0; k < listed.count(i); k++) {
      int neighbour = listed.get(i, k);
      if (!completed(neighbour)) {
        into.add(neighbour);
        count++;
      }
    }
    return count;
  }

  private void inferred(int from, int to, IntList producers, IntList consumers) {
    // Unfinished tasks of the ring, in submit order: the candidates for missing releases.
    IntList unfinished = new IntList(to - from);
    for (int i = from; i < to; i++) {
      if (!completed(i)) {
        unfinished.add(i);
      }
    }
    int before = 0;
    for (int i = from; i < to; i++) {
      long gap = index.faninMissing(i);
      if (waitsForFanin(i) && gap > 0) {
        faninInferred.set(i);
        if (gap > before) {
          unpublished.set(i);
          gap--;
        }
        for (int k = before - (int) Math.min(gap, before); k < before; k++) {
          producers.add(unfinished.get(k));
        }
      }
      producerStart[i + 1] = producers.size();
      if (!completed(i)) {
        before++;
      }
      long owed = fanoutOwedByConsumers(i);
      if (owed > 0 && !index.consumed(i)) {
        fanoutInferred.set(i);
        int later = unfinished.size() - before;
        int taken = (int) Math.min(owed, later);
        for (int k = before; k < before + taken; k++) {
          consumers.add(unfinished.get(k));
        }
        deferred[i] = owed - taken;
      }
      consumerStart[i + 1] = consumers.size();
    }
  }

  private boolean waitsForFanin(int i) {
    return index.pending(i) && !index.neverDispatched(i);
  }

  /** Missing fanout releases other than the open scope's reference. */
  private long fanoutOwedByConsumers(int i) {
    return Math.max(0, index.fanoutMissing(i) - (index.scopeOpen(i) ? 1 : 0));
  }

  private boolean completed(int i) {
    return index.completed(i);
  }

  /** The index these waits were derived from. */
  public TaskIndex index() {
    return index;
  }

  /** How many unfinished producers task {@code i}'s fanin waits for. */
  public int producerCount(int i) {
    return producerStart[i + 1] - producerStart[i];
  }

  /** The {@code k}-th unfinished producer of task {@code i} (a task index). */
  public int producer(int i, int k) {
    return producerList[producerStart[i] + k];
  }

  /** Whether task {@code i}'s publish barrier is still held (only the orchestrator releases it). */
  public boolean unpublished(int i) {
    return unpublished.get(i);
  }

  /** Whether task {@code i}'s producers and publish state were inferred from counters. */
  public boolean faninInferred(int i) {
    return faninInferred.get(i);
  }

  /** How many unfinished consumers task {@code i}'s fanout waits for. */
  public int consumerCount(int i) {
    return consumerStart[i + 1] - consumerStart[i];
  }

  /** The {@code k}-th unfinished consumer of task {@code i} (a task index). */
  public int consumer(int i, int k) {
    return consumerList[consumerStart[i] + k];
  }

  /** Fanout releases of task {@code i} owed by consumers that already completed (batched). */
  public long deferredReleases(int i) {
    return deferred[i];
  }

  /** Whether task {@code i}'s consumers were inferred from counters. */
  public boolean fanoutInferred(int i) {
    return fanoutInferred.get(i);
  }
}
