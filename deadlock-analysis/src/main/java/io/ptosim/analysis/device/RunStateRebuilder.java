package io.ptosim.analysis.device;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.ptosim.analysis.StallChecker;
import io.ptosim.analysis.graph.WaitVertex;
import io.ptosim.analysis.snapshot.Count;
import io.ptosim.analysis.snapshot.Edge;
import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.RingRecord;
import io.ptosim.analysis.snapshot.ScopeMode;
import io.ptosim.analysis.snapshot.ScopeRecord;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.snapshot.TaskIds;
import io.ptosim.analysis.snapshot.TaskRecord;
import io.ptosim.analysis.snapshot.TaskState;
import io.ptosim.analysis.snapshot.WaitResource;
import io.ptosim.analysis.verdict.NoStall;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.WitnessStep;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Rebuilds the runtime's state at the end of a run's records from its side files: a task's blocks
 * finished per the swimlane's aicore rows, its fanin from its producers' completion, its fanout
 * from its consumers' completion and its scope's end, each ring retired in order up to the first
 * task not CONSUMED (as the runtime advances last_alive), and the scopes left open by
 * scope_stats' begin and end lines. The snapshot is then decided as any full snapshot is.
 */
public final class RunStateRebuilder {
  private final RunArtifacts artifacts;

  /** A rebuilder over {@code artifacts}, which must carry the swimlane's finished blocks. */
  public RunStateRebuilder(RunArtifacts artifacts) {
    checkArgument(artifacts.finishedBlocks().isPresent(), "rebuilding the state needs the swimlane's finished blocks");
    this.artifacts = artifacts;
  }

  /** The verdict on the rebuilt state: NO_STALL when everything retired, else the checker's. */
  public Verdict verdict() {
    return verdict(rebuild());
  }

  /** The verdict on {@code state}. */
  public static Verdict verdict(RebuiltState state) {
    if (state.allRetired()) {
      String reason = "No allocator or scheduler stall: the side files show the run completed (every submitted"
          + " task finished and retired, every scope ended).";
      return new NoStall(reason, ImmutableList.of(new WitnessStep(new WaitVertex.Orchestrator(),
          "the rebuilt state holds no live task and no open scope")), ImmutableList.of());
    }
    return new StallChecker(state.snapshot()).verdict();
  }

  private record OpenScope(long id, int depth, int ring, long occupancy) {}

  /** The state at the end of the records. */
  public RebuiltState rebuild() {
    List<String> derived = new ArrayList<>();
    List<String> assumed = new ArrayList<>();
    Map<Long, RunArtifacts.Task> tasks = new LinkedHashMap<>();
    for (RunArtifacts.Task t : artifacts.tasks()) {
      tasks.put(t.id(), t);
    }
    Map<Long, Integer> finished = artifacts.finishedBlocks().orElseThrow();

    // Edges: distinct pairs between recorded tasks; hidden alloc_tensors producers complete at submit.
    Map<Long, List<Long>> producers = new HashMap<>();
    Map<Long, List<Long>> consumers = new HashMap<>();
    Set<Edge> seen = new HashSet<>();
    int hidden = 0;
    for (Edge e : artifacts.edges()) {
      if (!tasks.containsKey(e.producer())) {
        hidden++;
        continue;
      }
      if (e.producer() != e.consumer() && seen.add(e)) {
        producers.computeIfAbsent(e.consumer(), k -> new ArrayList<>()).add(e.producer());
        consumers.computeIfAbsent(e.producer(), k -> new ArrayList<>()).add(e.consumer());
      }
    }
    derived.add(tasks.size() + " submitted tasks and " + seen.size() + " dependency edges (fanin, fanout) from deps.json");
    if (hidden > 0) {
      assumed.add(hidden + " edges from hidden alloc_tensors producers (not recorded as tasks) count as released:"
          + " such a task completes at submit");
    }
    derived.add("finished blocks per task from " + finished.values().stream().mapToInt(Integer::intValue).sum()
        + " aicore_tasks rows of the swimlane");
    assumed.add("no block was still running: the swimlane records a block only once it finished, so an unfinished"
        + " task counts as not dispatched past its finished blocks");

    // Scopes: replay begin/end; what stays on the stack is open.
    List<ScopeRecord> scopes = new ArrayList<>();
    Deque<OpenScope> stack = new ArrayDeque<>();
    Optional<RunArtifacts.Scopes> scopeStats = artifacts.scopes();
    if (scopeStats.isPresent()) {
      long next = 0;
      Map<Long, OpenScope> all = new LinkedHashMap<>();
      Set<Long> closed = new HashSet<>();
      for (RunArtifacts.ScopeEvent ev : scopeStats.get().events()) {
        if (ev.begin()) {
          OpenScope s = new OpenScope(next++, ev.depth(), ev.ring(), ev.occupancy());
          stack.push(s);
          all.put(s.id(), s);
        } else if (!stack.isEmpty()) {
          closed.add(stack.pop().id());
        }
      }
      derived.add(all.size() + " scopes from scope_stats (" + stack.size() + " left open at the end, with depth and ring)");
      assumed.add("scope_stats does not name a scope's tasks: an open scope owns the tasks of its ring from last_alive"
          + " + the occupancy its begin line printed on (last_alive assumed not to have moved since); other tasks'"
          + " scopes have ended");
      for (OpenScope s : all.values()) {
        scopes.add(new ScopeRecord(s.id(), ScopeMode.AUTO, !closed.contains(s.id()), OptionalInt.of(s.ring()),
            OptionalInt.of(s.depth())));
      }
    } else {
      assumed.add("every task's scope has ended (no scope_stats.jsonl)");
    }
    // The stack iterates innermost first.
    List<OpenScope> openInnermostFirst = new ArrayList<>(stack);

    // Completion and states.
    Set<Long> completed = new HashSet<>();
    int coreless = 0;
    for (RunArtifacts.Task t : tasks.values()) {
      if ((t.activeMask() & 0b111) == 0) {
        // Producers precede their consumers in submit order, so one pass settles the chain.
        coreless++;
        if (producers.getOrDefault(t.id(), List.of()).stream().allMatch(completed::contains)) {
          completed.add(t.id());
        }
      } else if (finished.getOrDefault(t.id(), 0) >= t.blockNum()) {
        completed.add(t.id());
      }
    }
    if (coreless > 0) {
      assumed.add(coreless + " tasks without a kernel (kernel_ids all -1) count as completed once their producers are: the"
          + " scheduler completes them without dispatch (its dummy_task phase), and the swimlane has no row for them");
    }
    Map<Integer, Long> headLocal = new HashMap<>();
    for (RunArtifacts.Task t : tasks.values()) {
      boolean retired = completed.contains(t.id())
          && consumers.getOrDefault(t.id(), List.of()).stream().allMatch(completed::contains);
      if (!retired) {
        headLocal.merge(TaskIds.ring(t.id()), TaskIds.local(t.id()), Math::min);
      }
    }
    Map<Long, TaskRecord> records = new LinkedHashMap<>();
    Set<Long> manualOwners = new HashSet<>();
    for (RunArtifacts.Task t : tasks.values()) {
      int ring = TaskIds.ring(t.id());
      List<Long> in = producers.getOrDefault(t.id(), List.of());
      List<Long> out = consumers.getOrDefault(t.id(), List.of());
      long inDone = in.stream().filter(completed::contains).count();
      long outDone = out.stream().filter(completed::contains).count();
      long local = TaskIds.local(t.id());
      long head = headLocal.getOrDefault(ring, local);
      Optional<OpenScope> scope = openInnermostFirst.stream()
          .filter(s -> s.ring() == ring && local >= head + s.occupancy()).findFirst();
      Count fanin = Count.of(inDone + 1, in.size() + 1L);
      Count fanout = Count.of(outDone + (scope.isPresent() ? 0 : 1), out.size() + 1L);
      boolean noCore = (t.activeMask() & 0b111) == 0;
      int blocks = noCore ? 0 : Math.min(finished.getOrDefault(t.id(), 0), t.blockNum());
      TaskState state;
      if (completed.contains(t.id())) {
        state = fanout.missing() == 0 ? TaskState.CONSUMED : TaskState.COMPLETED;
      } else if (blocks > 0) {
        state = TaskState.RUNNING;
      } else {
        state = fanin.missing() == 0 ? TaskState.READY : TaskState.PENDING;
      }
      scope.filter(s -> t.manualScope()).ifPresent(s -> manualOwners.add(s.id()));
      records.put(t.id(), new TaskRecord(t.id(), state, fanin, fanout, t.activeMask(), Count.of(blocks, t.blockNum()),
          t.blockNum(), blocks, OptionalInt.of(ring), scope.map(s -> OptionalLong.of(s.id())).orElse(OptionalLong.empty()),
          false));
    }
    scopes.replaceAll(s -> manualOwners.contains(s.id())
        ? new ScopeRecord(s.id(), ScopeMode.MANUAL, s.open(), s.ring(), s.depth()) : s);
    derived.add("task states from the finished blocks and the producers' completion; a completed task whose"
        + " consumers finished and whose scope ended is CONSUMED");

    // Rings: retire in order, as the runtime advances last_alive.
    TreeMap<Integer, List<TaskRecord>> byRing = new TreeMap<>();
    for (TaskRecord r : records.values()) {
      byRing.computeIfAbsent(r.ring().getAsInt(), k -> new ArrayList<>()).add(r);
    }
    stack.forEach(s -> byRing.computeIfAbsent(s.ring(), k -> new ArrayList<>()));
    Snapshot.Builder b = Snapshot.builder();
    Set<Long> live = new HashSet<>();
    Map<Integer, RingRecord> rings = new TreeMap<>();
    boolean windowsKnown = scopeStats.isPresent();
    for (Map.Entry<Integer, List<TaskRecord>> e : byRing.entrySet()) {
      int ring = e.getKey();
      List<TaskRecord> ringTasks = e.getValue();
      ringTasks.sort((x, y) -> Long.compare(x.id(), y.id()));
      long current = ringTasks.isEmpty() ? TaskIds.raw(ring, 0) : ringTasks.get(ringTasks.size() - 1).id() + 1;
      long lastAlive = current;
      for (TaskRecord r : ringTasks) {
        if (r.state() != TaskState.CONSUMED) {
          lastAlive = r.id();
          break;
        }
      }
      long window = RingRecord.DEFAULT_WINDOW;
      if (scopeStats.isPresent() && ring < scopeStats.get().taskWindowMax().size()) {
        window = scopeStats.get().taskWindowMax().get(ring);
      } else {
        windowsKnown = false;
      }
      rings.put(ring, new RingRecord(ring, Math.max(1, window), lastAlive, current));
      for (TaskRecord r : ringTasks) {
        if (r.id() >= lastAlive) {
          b.addTask(r);
          live.add(r.id());
        }
      }
    }
    derived.add("ring counters: current after the last submitted task, last_alive at the first task not CONSUMED"
        + " (retired in ring order)");
    if (!windowsKnown) {
      assumed.add("task window " + RingRecord.DEFAULT_WINDOW + " for rings scope_stats does not size");
    }
    for (Map.Entry<Long, List<Long>> e : consumers.entrySet()) {
      for (long c : e.getValue()) {
        if (live.contains(e.getKey()) && live.contains(c)) {
          b.addEdge(e.getKey(), c);
        }
      }
    }
    b.edgesKnown();
    scopes.forEach(b::addScope);

    boolean allRetired = live.isEmpty() && stack.isEmpty();
    OrchestratorState orchestrator;
    if (scopeStats.isPresent() ? stack.isEmpty() : completed.size() == tasks.size()) {
      orchestrator = new OrchestratorState.Finished();
      (scopeStats.isPresent() ? derived : assumed).add("the orchestrator finished"
          + (scopeStats.isPresent() ? ": every scope it began ended" : ", as every submitted task finished"));
    } else {
      int ring = scopeStats.isPresent() ? stack.peek().ring()
          : TaskIds.ring(artifacts.tasks().get(artifacts.tasks().size() - 1).id());
      RingRecord rec = rings.computeIfAbsent(ring, r -> new RingRecord(r, RingRecord.DEFAULT_WINDOW,
          TaskIds.raw(r, 0), TaskIds.raw(r, 0)));
      boolean full = rec.liveCount() >= rec.window() - 1;
      orchestrator = new OrchestratorState.Blocked(full ? WaitResource.TASK_RING : WaitResource.HEAP, ring);
      (scopeStats.isPresent() ? derived : assumed).add("the orchestrator is blocked allocating on ring " + ring
          + (scopeStats.isPresent() ? " (its innermost open scope's)" : " (the last submitted task's)"));
      (full ? derived : assumed).add(full ? "it waits for the task ring: " + rec.liveCount() + " live tasks fill the window of "
          + rec.window() : "it waits for the heap: the task ring had room (" + rec.liveCount() + " of " + rec.window()
          + " slots) and the files do not record heap requests");
    }
    rings.values().forEach(b::addRing);
    b.orchestrator(orchestrator);
    return new RebuiltState(b.build(), allRetired, ImmutableList.copyOf(derived), ImmutableList.copyOf(assumed));
  }
}
