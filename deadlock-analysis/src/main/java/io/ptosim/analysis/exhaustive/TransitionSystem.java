package io.ptosim.analysis.exhaustive;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.ptosim.analysis.snapshot.Edge;
import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.PendingEvent;
import io.ptosim.analysis.snapshot.RingRecord;
import io.ptosim.analysis.snapshot.ScopeRecord;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.snapshot.TaskRecord;
import io.ptosim.analysis.snapshot.TaskState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime's abstract transition system over the tasks of one snapshot, read from the snapshot
 * alone (it shares no code with the checker). A state is a {@code long[]}: one word per task
 * (state, dispatched and done blocks, published, fanout releases still owed by completed
 * consumers) and one global word (open scopes, head retired). The fanin and fanout counters are
 * not stored: they follow from the neighbours' states, which keeps equal situations one state.
 *
 * <p>A transition is an {@code int}: {@code kind << 16 | subject} (a task index, or a scope index
 * for a scope end). Follow-up transitions the runtime makes in the same step are applied at once:
 * the release that completes a PENDING task's fanin makes it READY, the one that completes a
 * COMPLETED task's fanout makes it CONSUMED, a CONSUMED head is advanced past. So a due transition
 * that is still outstanding in a state can only come from the snapshot itself: a lost wake-up.
 */
final class TransitionSystem {
  private static final int STATE_BITS = 3;
  private static final int BLOCK_BITS = 10;
  private static final int NEXT_SHIFT = STATE_BITS;
  private static final int DONE_SHIFT = NEXT_SHIFT + BLOCK_BITS;
  private static final int PUBLISHED_SHIFT = DONE_SHIFT + BLOCK_BITS;
  private static final int DEFERRED_SHIFT = PUBLISHED_SHIFT + 1;
  private static final long BLOCK_MASK = (1L << BLOCK_BITS) - 1;
  private static final long MAX_BLOCKS = BLOCK_MASK;
  private static final long MAX_DEFERRED = 255;
  private static final int MAX_SCOPES = 62;
  private static final long GOAL = 1L << 62;
  private static final TaskState[] STATES = TaskState.values();
  private static final TransitionKind[] KINDS = TransitionKind.values();

  private final Snapshot snapshot;
  private final int n;
  private final long[] id;
  private final boolean[] hidden;
  private final int[] blocks;
  private final int[][] producers;
  private final int[][] consumers;
  private final int[] scopeOf;
  private final long[] scopeIds;
  private final boolean[] named;
  /**
   * Per task: READY or RUNNING with every block done in a simulation snapshot. Its completion is not
   * the scheduler's next step but a due recording (a deferred completion's poll): a wake.
   */
  private final boolean[] finishedAtSnapshot;
  private final boolean[] laterInRing;
  private final boolean schedulerAlive;
  private final OrchestratorState.Kind orchestrator;
  private final int head;
  private final boolean headWasConsumed;
  private final boolean advancePending;
  private final long[] initial;

  /**
   * Builds the system; an {@link IllegalArgumentException} (one line) when the snapshot is outside
   * what it models: unknown edges, more than {@code bound} tasks, a missing head, counters that
   * disagree with the edges.
   */
  TransitionSystem(Snapshot snapshot, int bound) {
    this.snapshot = snapshot;
    ImmutableList<TaskRecord> tasks = snapshot.tasks();
    n = tasks.size();
    checkArgument(snapshot.edgesKnown(),
        "the exhaustive search needs the dependency edges (edge= lines or edge=none); this snapshot has none");
    checkArgument(n <= bound,
        "the snapshot has %s live tasks, above the exhaustive search's bound of %s", n, bound);
    TaskRecord[] byIndex = tasks.stream()
        .sorted((a, b) -> Long.compare(a.id(), b.id()))
        .toArray(TaskRecord[]::new);
    id = new long[n];
    hidden = new boolean[n];
    blocks = new int[n];
    Map<Long, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      id[i] = byIndex[i].id();
      hidden[i] = byIndex[i].neverDispatched();
      blocks[i] = byIndex[i].blockNum();
      checkArgument(blocks[i] <= MAX_BLOCKS, "task %s: block_num %s above %s", id[i], blocks[i], MAX_BLOCKS);
      index.put(id[i], i);
    }
    List<List<Integer>> in = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      in.add(new ArrayList<>());
      out.add(new ArrayList<>());
    }
    for (Edge edge : snapshot.edges().get()) {
      Integer p = index.get(edge.producer());
      Integer c = index.get(edge.consumer());
      if (p != null && c != null && !in.get(c).contains(p)) {
        // A neighbour outside the snapshot has been retired, hence finished.
        in.get(c).add(p);
        out.get(p).add(c);
      }
    }
    producers = in.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    consumers = out.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);

    List<Long> open = new ArrayList<>();
    for (ScopeRecord scope : snapshot.scopes()) {
      if (scope.open()) {
        open.add(scope.id());
      }
    }
    open.sort(Long::compare);
    checkArgument(open.size() <= MAX_SCOPES, "%s open scopes, above %s", open.size(), MAX_SCOPES);
    scopeIds = open.stream().mapToLong(Long::longValue).toArray();
    scopeOf = new int[n];
    for (int i = 0; i < n; i++) {
      scopeOf[i] = byIndex[i].scope().isPresent() ? open.indexOf(byIndex[i].scope().getAsLong()) : -1;
    }

    List<PendingEvent> pending = snapshot.pending().orElse(ImmutableList.of());
    schedulerAlive = snapshot.pending().isEmpty() || !pending.isEmpty();
    named = new boolean[n];
    int ring = snapshot.targetRing();
    boolean advance = false;
    for (PendingEvent event : pending) {
      Integer t = event.task().isPresent() ? index.get(event.task().getAsLong()) : null;
      if (t != null) {
        named[t] = true;
      }
      if (event.kind().equals("advance")) {
        advance |= event.task().isEmpty() || (t != null && snapshot.ringOf(byIndex[t]) == ring);
      }
    }
    advancePending = advance;
    orchestrator = snapshot.orchestrator().kind();

    RingRecord target = snapshot.ring(ring).orElseThrow();
    Integer headIndex = index.get(target.lastAlive());
    if (target.liveCount() == 0) {
      checkArgument(orchestrator != OrchestratorState.Kind.BLOCKED,
          "the orchestrator waits on ring %s, which holds no live task", ring);
      head = -1;
    } else {
      checkArgument(headIndex != null && snapshot.ringOf(byIndex[headIndex]) == ring,
          "ring %s head task %s is not in the snapshot", ring, target.lastAlive());
      head = headIndex;
    }
    laterInRing = new boolean[n];
    for (int i = 0; i < n; i++) {
      laterInRing[i] = head >= 0 && snapshot.ringOf(byIndex[i]) == ring && id[i] > id[head];
    }
    headWasConsumed = head >= 0 && byIndex[head].state() == TaskState.CONSUMED;

    initial = new long[n + 1];
    for (int j = 0; j < open.size(); j++) {
      initial[n] |= 1L << j;
    }
    if (head < 0) {
      initial[n] |= GOAL; // nothing to retire: the orchestrator is not blocked on an empty ring
    }
    for (int i = 0; i < n; i++) {
      TaskRecord task = byIndex[i];
      checkArgument(task.nextBlock() <= blocks[i] && task.done().done() <= task.nextBlock(),
          "task %s: done %s, next_block %s, block_num %s are not 0 <= done <= next <= block_num",
          id[i], task.done().done(), task.nextBlock(), blocks[i]);
      initial[i] = ((long) task.state().ordinal())
          | ((long) task.nextBlock() << NEXT_SHIFT)
          | (task.done().done() << DONE_SHIFT);
    }
    finishedAtSnapshot = new boolean[n];
    for (int i = 0; i < n; i++) {
      TaskRecord task = byIndex[i];
      finishedAtSnapshot[i] = snapshot.pending().isPresent() && !hidden[i]
          && (task.state() == TaskState.READY || task.state() == TaskState.RUNNING)
          && task.done().done() == blocks[i] && task.nextBlock() == blocks[i];
    }
    for (int i = 0; i < n; i++) {
      TaskRecord task = byIndex[i];
      long unfinishedProducers = Arrays.stream(producers[i]).filter(p -> !finished(initial, p)).count();
      boolean published = true;
      if (task.state() == TaskState.PENDING && !hidden[i]) {
        long barrier = task.fanin().missing() - unfinishedProducers;
        checkArgument(barrier == 0 || barrier == 1,
            "task %s: fanin %s disagrees with its %s unfinished producers", id[i], task.fanin(), unfinishedProducers);
        published = barrier == 0;
      } else if (!task.state().isCompleted() && !hidden[i]) {
        checkArgument(task.fanin().missing() == 0 && unfinishedProducers == 0,
            "task %s: %s with fanin %s", id[i], task.state(), task.fanin());
      }
      long deferred = 0;
      if (task.state() != TaskState.CONSUMED) {
        long unfinishedConsumers = Arrays.stream(consumers[i]).filter(c -> !finished(initial, c)).count();
        deferred = task.fanout().missing() - (scopeOf[i] >= 0 ? 1 : 0) - unfinishedConsumers;
        checkArgument(deferred >= 0 && deferred <= MAX_DEFERRED,
            "task %s: fanout %s disagrees with its %s unfinished consumers%s", id[i], task.fanout(),
            unfinishedConsumers, scopeOf[i] >= 0 ? " and its open scope" : "");
      }
      initial[i] |= (published ? 1L << PUBLISHED_SHIFT : 0) | (deferred << DEFERRED_SHIFT);
    }
  }

  Snapshot snapshot() {
    return snapshot;
  }

  int taskCount() {
    return n;
  }

  long[] initial() {
    return initial.clone();
  }

  boolean goal(long[] s) {
    return (s[n] & GOAL) != 0;
  }

  // --- reading a state ---

  static TaskState state(long[] s, int i) {
    return STATES[(int) (s[i] & 0b111)];
  }

  static int next(long[] s, int i) {
    return (int) ((s[i] >>> NEXT_SHIFT) & BLOCK_MASK);
  }

  static int done(long[] s, int i) {
    return (int) ((s[i] >>> DONE_SHIFT) & BLOCK_MASK);
  }

  static boolean published(long[] s, int i) {
    return ((s[i] >>> PUBLISHED_SHIFT) & 1) != 0;
  }

  static long deferred(long[] s, int i) {
    return s[i] >>> DEFERRED_SHIFT;
  }

  private static boolean finished(long[] s, int i) {
    return state(s, i).isCompleted();
  }

  boolean scopeOpen(long[] s, int scope) {
    return (s[n] & (1L << scope)) != 0;
  }

  long faninMissing(long[] s, int i) {
    long missing = published(s, i) ? 0 : 1;
    for (int p : producers[i]) {
      missing += finished(s, p) ? 0 : 1;
    }
    return missing;
  }

  long fanoutMissing(long[] s, int i) {
    long missing = deferred(s, i) + (scopeOf[i] >= 0 && scopeOpen(s, scopeOf[i]) ? 1 : 0);
    for (int c : consumers[i]) {
      missing += finished(s, c) ? 0 : 1;
    }
    return missing;
  }

  // --- transitions ---

  static int transition(TransitionKind kind, int subject) {
    return kind.ordinal() << 16 | subject;
  }

  static TransitionKind kind(int transition) {
    return KINDS[transition >>> 16];
  }

  static int subject(int transition) {
    return transition & 0xFFFF;
  }

  /**
   * Dispatch and block done touch only their own task's block counters, which nothing but that
   * task's own transitions reads, and never retire anything: each is independent of every other
   * transition and invisible to the question, so it alone is a persistent (ample) set.
   */
  static boolean local(int transition) {
    TransitionKind kind = kind(transition);
    return kind == TransitionKind.DISPATCH || kind == TransitionKind.BLOCK_DONE;
  }

  /** Appends the transitions enabled in {@code s} under {@code semantics}; none in a goal state. */
  void enabled(long[] s, Semantics semantics, List<Integer> out) {
    if (goal(s)) {
      return;
    }
    boolean rules = semantics == Semantics.RULES;
    boolean scheduler = rules || schedulerAlive;
    boolean acting = orchestrator == OrchestratorState.Kind.RUNNING;
    for (int i = 0; i < n; i++) {
      TaskState st = state(s, i);
      boolean runnable = (st == TaskState.READY || st == TaskState.RUNNING) && !hidden[i];
      boolean wake = rules || named[i];
      if (scheduler && runnable && next(s, i) < blocks[i]) {
        out.add(transition(TransitionKind.DISPATCH, i));
      }
      if (scheduler && st == TaskState.RUNNING && done(s, i) < next(s, i)) {
        out.add(transition(TransitionKind.BLOCK_DONE, i));
      }
      if (scheduler && runnable && done(s, i) == blocks[i] && next(s, i) == blocks[i] && (wake || !finishedAtSnapshot[i])) {
        out.add(transition(TransitionKind.COMPLETE, i));
      }
      if (scheduler && deferred(s, i) > 0) {
        out.add(transition(TransitionKind.RELEASE, i));
      }
      if (st == TaskState.PENDING && hidden[i] && wake) {
        out.add(transition(TransitionKind.WAKE_HIDDEN, i));
      }
      if (st == TaskState.PENDING && !hidden[i] && wake && faninMissing(s, i) == 0) {
        out.add(transition(TransitionKind.WAKE_READY, i));
      }
      if (st == TaskState.COMPLETED && wake && fanoutMissing(s, i) == 0) {
        out.add(transition(TransitionKind.WAKE_CONSUMED, i));
      }
      if (acting && st == TaskState.PENDING && !published(s, i)) {
        out.add(transition(TransitionKind.PUBLISH, i));
      }
    }
    if (acting) {
      for (int k = 0; k < scopeIds.length; k++) {
        if (scopeOpen(s, k)) {
          out.add(transition(TransitionKind.SCOPE_END, k));
        }
      }
    }
    if (headWasConsumed && (rules || advancePending)) {
      out.add(transition(TransitionKind.ADVANCE, head));
    }
  }

  /** The state after {@code transition}, with the runtime's same-step follow-ups applied. */
  long[] apply(long[] from, int transition) {
    long[] s = from.clone();
    int i = subject(transition);
    switch (kind(transition)) {
      case DISPATCH -> {
        s[i] = (s[i] & ~0b111L) | TaskState.RUNNING.ordinal();
        s[i] += 1L << NEXT_SHIFT;
      }
      case BLOCK_DONE -> s[i] += 1L << DONE_SHIFT;
      case COMPLETE, WAKE_HIDDEN -> complete(s, i);
      case RELEASE -> {
        s[i] -= 1L << DEFERRED_SHIFT;
        consumeIfDue(s, i);
      }
      case WAKE_READY -> setState(s, i, TaskState.READY);
      case WAKE_CONSUMED -> consume(s, i);
      case ADVANCE -> s[n] |= GOAL;
      case PUBLISH -> {
        s[i] |= 1L << PUBLISHED_SHIFT;
        readyIfDue(s, i);
      }
      case SCOPE_END -> {
        s[n] &= ~(1L << i);
        for (int t = 0; t < n; t++) {
          if (scopeOf[t] == i) {
            consumeIfDue(s, t);
          }
        }
      }
    }
    return s;
  }

  private void complete(long[] s, int i) {
    setState(s, i, TaskState.COMPLETED);
    for (int c : consumers[i]) {
      readyIfDue(s, c);
    }
    for (int p : producers[i]) {
      consumeIfDue(s, p);
    }
    consumeIfDue(s, i);
  }

  private void readyIfDue(long[] s, int i) {
    if (state(s, i) == TaskState.PENDING && !hidden[i] && faninMissing(s, i) == 0) {
      setState(s, i, TaskState.READY);
    }
  }

  private void consumeIfDue(long[] s, int i) {
    if (state(s, i) == TaskState.COMPLETED && fanoutMissing(s, i) == 0) {
      consume(s, i);
    }
  }

  private void consume(long[] s, int i) {
    setState(s, i, TaskState.CONSUMED);
    // Whoever makes a task CONSUMED advances last_alive over the CONSUMED prefix of its ring.
    if (i == head || (headWasConsumed && laterInRing[i])) {
      s[n] |= GOAL;
    }
  }

  private static void setState(long[] s, int i, TaskState state) {
    s[i] = (s[i] & ~0b111L) | state.ordinal();
  }

  // --- words ---

  /** The step {@code transition} takes from {@code s}, in the runtime's words. */
  Step describe(long[] s, int transition) {
    int i = subject(transition);
    TransitionKind kind = kind(transition);
    if (kind == TransitionKind.SCOPE_END) {
      return new Step(kind, scopeIds[i], "orchestrator ends scope " + scopeIds[i]);
    }
    String task = "task " + id[i];
    String text = switch (kind) {
      case DISPATCH -> "dispatch " + task + " block " + next(s, i) + "/" + blocks[i];
      case BLOCK_DONE -> task + " block " + done(s, i) + " done (" + (done(s, i) + 1) + "/" + blocks[i] + ")";
      case COMPLETE -> task + " completes";
      case RELEASE -> "scheduler flushes a fanout release owed to " + task;
      case WAKE_READY -> task + " becomes READY (fanin complete, transition due)";
      case WAKE_HIDDEN -> "hidden " + task + " completes (due at submit)";
      case WAKE_CONSUMED -> task + " becomes CONSUMED (fanout complete, transition due)";
      case ADVANCE -> "ring " + snapshot.targetRing() + " last_alive advances past CONSUMED " + task;
      case PUBLISH -> "orchestrator publishes " + task;
      case SCOPE_END -> throw new AssertionError();
    };
    return new Step(kind, id[i], text);
  }

  /** What is left in a dead end: every task not yet CONSUMED, open scopes, the threads. */
  ImmutableList<String> describe(long[] s) {
    ImmutableList.Builder<String> lines = ImmutableList.builder();
    lines.add("orchestrator " + orchestrator.name().toLowerCase(java.util.Locale.ROOT)
        + (schedulerAlive ? "" : "; nothing pending: the scheduler threads will not run"));
    for (int k = 0; k < scopeIds.length; k++) {
      if (scopeOpen(s, k)) {
        lines.add("scope " + scopeIds[k] + " open");
      }
    }
    for (int i = 0; i < n; i++) {
      TaskState st = state(s, i);
      if (st != TaskState.CONSUMED) {
        lines.add("task " + id[i] + (hidden[i] ? " (hidden)" : "") + " " + st
            + " fanin missing " + faninMissing(s, i) + (published(s, i) ? "" : " (unpublished)")
            + ", fanout missing " + fanoutMissing(s, i) + ", blocks " + done(s, i) + "/" + blocks[i] + " done");
      }
    }
    return lines.build();
  }

  /** The task the question is about: the target ring's head, if the ring holds one. */
  java.util.OptionalLong headId() {
    return head < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(id[head]);
  }
}
