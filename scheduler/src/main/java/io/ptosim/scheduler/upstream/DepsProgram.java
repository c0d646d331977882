package io.ptosim.scheduler.upstream;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.ptosim.scheduler.program.ArgDirection;
import io.ptosim.scheduler.program.Op;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramException;
import io.ptosim.scheduler.program.ProgramValidator;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;
import io.ptosim.scheduler.workload.CoreMasks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A recorded graph as a program the model can run: the tasks in submit order with their kernels,
 * masks and block counts, the hidden alloc_tensors tasks the edges name, scopes inferred from the
 * rings, and arguments from which the runtime re-derives the recorded edges.
 *
 * <p>Edges. AUTO-scope edges are <em>re-derived</em>, not replayed: each argument keeps its
 * recorded buffer address and byte range, and every OUTPUT a creator edge names takes that
 * tensor's address, so the runtime's own creator retention and TensorMap find the recorded
 * producers, and drop the ones already completed the way upstream's submit does (which is what
 * the dep pool counts). Explicit edges (source {@code explicit}: dep_gen's STEP 1, one per distinct
 * task id the submit passed, whatever the TensorMap would also find) are replayed: they become
 * add_dependency ops right after their consumer's submit, in a MANUAL scope or an AUTO one (main's
 * set_dependencies). A view that
 * takes part in no recorded edge (neither the consumer's slot of an edge nor a registration a later
 * lookup hit) gets a fresh address of its own: it is either irrelevant to the graph or hidden from
 * it in a way deps.json does not record (a {@code manual_dep} view, a heap address reused after a
 * wrap, any view of a manual-scope task, which at 6ebaf77 neither looks up nor registers). {@link DepGenReplay} of the result gives back the recorded edges
 * (a test holds it for every graph of the corpus).
 *
 * <p>What deps.json does not record, and how it is filled in (docs/upstream-formats.md):
 * <ul>
 *   <li>OUTPUT sizes: the tensor a creator edge names gives its size ({@code buffer_numel} times the
 *       dtype's width); an OUTPUT no edge names is taken as 1,024 bytes, the size upstream's
 *       packed-output alignment gives every output up to 1 KiB.
 *   <li>Scope boundaries: a task at ring r is at depth r (ring 3: depth 3); a scope opens when the
 *       ring deepens, the mode changes, the ring returns from a deeper one, or an alloc_tensors
 *       task starts (every alloc in the corpus's examples is the first task of its scope).
 *   <li>Hidden alloc tasks: placed before the first task that follows them on their ring or names
 *       them as producer.
 *   <li>Dummy tasks (kernel ids all -1): a one-block AIV task of kernel {@code dummy}.
 * </ul>
 */
public final class DepsProgram {
  /** Upstream's packed-output alignment (PTO2_PACKED_OUTPUT_ALIGN): the size of an OUTPUT no edge describes. */
  public static final long UNKNOWN_OUTPUT_BYTES = 1024;

  private static final ImmutableMap<String, Integer> DTYPE_BYTES = ImmutableMap.<String, Integer>builder()
      .put("FLOAT32", 4).put("FLOAT16", 2).put("BFLOAT16", 2).put("INT32", 4).put("UINT32", 4).put("INT16", 2)
      .put("UINT16", 2).put("INT8", 1).put("UINT8", 1).put("INT64", 8).put("UINT64", 8).put("FLOAT64", 8).put("BOOL", 1)
      .buildOrThrow();

  /** Synthetic addresses (for OUTPUTs no edge names and manual-scope views) start above any device address. */
  private static final long SYNTHETIC_BASE = 1L << 62;

  private final DepsGraph graph;
  private final KernelTable kernels;
  private final String name;

  /** Per ring, the local ids at which a scope began (from scope_stats.jsonl), or empty to infer scopes. */
  private final Map<Integer, Set<Long>> scopeStarts;

  public DepsProgram(DepsGraph graph, KernelTable kernels, String name) {
    this(graph, kernels, name, Map.of());
  }

  /**
   * With the run's scope_stats: every {@code begin} line's {@code task_window_end} (the ring's next
   * local id) marks where a scope of that ring starts, which deps.json does not record.
   */
  public DepsProgram(DepsGraph graph, KernelTable kernels, String name, ScopeStats stats) {
    this(graph, kernels, name, scopeStarts(stats));
  }

  private DepsProgram(DepsGraph graph, KernelTable kernels, String name, Map<Integer, Set<Long>> scopeStarts) {
    this.graph = graph;
    this.kernels = kernels;
    this.name = name;
    this.scopeStarts = scopeStarts;
  }

  private static Map<Integer, Set<Long>> scopeStarts(ScopeStats stats) {
    Map<Integer, Set<Long>> starts = new HashMap<>();
    for (ScopeStats.Event e : stats.events()) {
      if (e.phase().equals("begin") && e.depth() > 0) {
        starts.computeIfAbsent(e.ring(), r -> new HashSet<>()).add(e.taskWindowEnd());
      }
    }
    return starts;
  }

  private long nextSynthetic = SYNTHETIC_BASE;

  private long synthetic(long size) {
    long base = nextSynthetic;
    nextSynthetic += (size + 1023) / 1024 * 1024;
    return base;
  }

  /** One creation in submit order: a recorded task, or a hidden alloc (task == null) in the scope mode of the task it precedes. */
  private record Creation(long raw, DepsTask task, ScopeMode mode) {}

  /** The program; a graph the model cannot express is a one-line error naming the task or edge. */
  public Program program() throws UpstreamFormatException {
    Map<Long, DepsTensor> tensorById = new HashMap<>();
    for (DepsTensor t : graph.tensors()) {
      tensorById.putIfAbsent(t.tensorId(), t);
    }
    Map<Long, Integer> taskIndex = new HashMap<>();
    for (int i = 0; i < graph.tasks().size(); i++) {
      taskIndex.put(graph.tasks().get(i).taskId(), i);
    }
    // Per consumer, its edges; per producer, the distinct tensors creator edges name (its outputs).
    Map<Long, List<DepsEdge>> explicitByConsumer = new HashMap<>();
    Map<Long, LinkedHashSet<Long>> createdTensors = new HashMap<>();
    Set<Long> hidden = new TreeSet<>(Long::compareUnsigned);
    // Views that take part in a recorded edge: the consumer's arg slot, or a producer's registration a later lookup hit.
    Set<List<Long>> namedArgs = new HashSet<>();
    Set<List<Long>> hitRegistrations = new HashSet<>();
    Map<Long, Integer> firstNamedBy = new HashMap<>();
    Map<Long, Integer> lastNamedBy = new HashMap<>();
    for (int i = 0; i < graph.edges().size(); i++) {
      DepsEdge e = graph.edges().get(i);
      if (!taskIndex.containsKey(e.pred())) {
        hidden.add(e.pred());
        firstNamedBy.merge(e.pred(), taskIndex.get(e.succ()), Math::min);
        lastNamedBy.merge(e.pred(), taskIndex.get(e.succ()), Math::max);
      }
      if (e.source() != DepsEdge.Source.EXPLICIT) {
        namedArgs.add(List.of(e.succ(), (long) e.arg()));
      }
      if (e.source() == DepsEdge.Source.TENSORMAP) {
        hitRegistrations.add(List.of(e.pred(), e.producer().get().tensorId()));
      }
      if (e.source() == DepsEdge.Source.EXPLICIT) {
        explicitByConsumer.computeIfAbsent(e.succ(), k -> new ArrayList<>()).add(e);
      } else if (e.source() == DepsEdge.Source.CREATOR) {
        createdTensors.computeIfAbsent(e.pred(), k -> new LinkedHashSet<>()).add(e.consumer().get().tensorId());
      }
    }
    List<Creation> order = order(hidden, firstNamedBy, lastNamedBy);

    ImmutableList.Builder<Op> ops = ImmutableList.builder();
    Map<Long, Long> programId = new HashMap<>();
    List<ScopeMode> open = new ArrayList<>();
    int previousDepth = 0;
    long next = 0;
    for (Creation c : order) {
      int depth = Math.min(UpstreamIds.ring(c.raw()), 3);
      ScopeMode mode = c.mode();
      boolean restart;
      if (!scopeStarts.isEmpty()) {
        // Recorded boundaries: a scope of this ring begins at this task's local id (or the mode changes).
        long local = UpstreamIds.local(c.raw());
        restart = depth > 0 && depth <= open.size()
            && (scopeStarts.getOrDefault(depth, Set.of()).contains(local) && local > 0 || open.get(depth - 1) != mode
                || previousDepth > depth && scopeStarts.getOrDefault(depth, Set.of()).contains(local));
      } else {
        restart = depth > 0 && depth <= open.size()
            && (previousDepth > depth || c.task() == null || open.get(depth - 1) != mode);
      }
      int keep = restart ? depth - 1 : Math.min(open.size(), depth);
      while (open.size() > keep) {
        open.remove(open.size() - 1);
        ops.add(new Op.ScopeEnd());
      }
      while (open.size() < depth) {
        ScopeMode m = open.size() == depth - 1 ? mode : inherited(open);
        open.add(m);
        ops.add(new Op.ScopeBegin(m));
      }
      previousDepth = depth;
      long id = next++;
      programId.put(c.raw(), id);
      LinkedHashSet<Long> outputs = createdTensors.getOrDefault(c.raw(), new LinkedHashSet<>());
      if (c.task() == null) {
        ImmutableList.Builder<TensorArg> outs = ImmutableList.builder();
        if (outputs.isEmpty()) {
          outs.add(TensorArg.output(synthetic(UNKNOWN_OUTPUT_BYTES), UNKNOWN_OUTPUT_BYTES));
        }
        for (long t : outputs) {
          outs.add(outputOf(t, tensorById));
        }
        ops.add(new Op.AllocTensors(id, outs.build()));
        continue;
      }
      DepsTask t = c.task();
      int index = taskIndex.get(t.taskId());
      List<Long> named = new ArrayList<>(outputs);
      ImmutableList.Builder<TensorArg> args = ImmutableList.builder();
      int outputSlot = 0;
      for (DepsArg a : t.args()) {
        if (a.type().equals(DepsArg.OUTPUT)) {
          args.add(outputSlot < named.size() ? outputOf(named.get(outputSlot), tensorById)
              : TensorArg.output(synthetic(UNKNOWN_OUTPUT_BYTES), UNKNOWN_OUTPUT_BYTES));
          outputSlot++;
        } else {
          boolean opaque = t.manualScope() || (!namedArgs.contains(List.of(t.taskId(), (long) a.idx()))
              && !hitRegistrations.contains(List.of(t.taskId(), a.slice().get().tensorId())));
          args.add(view(a, opaque, tensorById, "/tasks/" + index + "/args/" + a.idx()));
        }
      }
      if (outputSlot < named.size()) {
        throw new UpstreamFormatException(DepsJson.FILE + ": /tasks/" + index + ": creator edges name " + named.size()
            + " tensors of task " + UpstreamIds.show(t.taskId()) + ", which has only " + outputSlot + " OUTPUT args");
      }
      int mask = t.activeMask() == 0 ? CoreMasks.AIV : t.activeMask();
      try {
        // kernel_ids [aic, aiv0, aiv1] with different ids: each core runs its own kernel
        ImmutableList<String> coreKernels = t.activeMask() == 0 ? ImmutableList.of() : kernels.coreKernels(t.kernelIds());
        ops.add(new Op.Submit(id, kernels.kernelName(t.kernelIds()), mask, t.blockNum(), args.build(), coreKernels));
      } catch (IllegalArgumentException e) {
        throw new UpstreamFormatException(DepsJson.FILE + ": /tasks/" + index + ": " + e.getMessage());
      }
      for (DepsEdge e : explicitByConsumer.getOrDefault(t.taskId(), List.of())) {
        Long producer = programId.get(e.pred());
        if (producer == null) {
          throw new UpstreamFormatException(DepsJson.FILE + ": /tasks/" + index + ": explicit edge from "
              + UpstreamIds.show(e.pred()) + ", which is submitted after its consumer " + UpstreamIds.show(t.taskId()));
        }
        ops.add(new Op.AddDependency(producer, id));
      }
    }
    while (!open.isEmpty()) {
      open.remove(open.size() - 1);
      ops.add(new Op.ScopeEnd());
    }
    try {
      return ProgramValidator.validate(new Program(name, ops.build()));
    } catch (ProgramException e) {
      throw new UpstreamFormatException(DepsJson.FILE + ": the recorded graph is not a program ptosim can run: " + e.getMessage());
    }
  }

  /** Scopes opened to reach a deeper ring: MANUAL inside MANUAL (an AUTO scope may not nest there), else AUTO. */
  private static ScopeMode inherited(List<ScopeMode> open) {
    return !open.isEmpty() && open.get(open.size() - 1) == ScopeMode.MANUAL ? ScopeMode.MANUAL : ScopeMode.AUTO;
  }

  /**
   * The recorded tasks in file order with each hidden task placed before the first task that
   * follows it on its ring or names it, moved back over the deeper-ring tasks just before that
   * point (they run inside the hidden task's scope), but not before the last task naming the
   * previous hidden task of its ring (an alloc_tensors task opens its iteration's scope: paged
   * attention's batch scopes, whose ring-1 tasks are all hidden).
   */
  private List<Creation> order(Set<Long> hidden, Map<Long, Integer> firstNamedBy, Map<Long, Integer> lastNamedBy) {
    Map<Integer, List<Creation>> before = new LinkedHashMap<>();
    Map<Integer, Long> previousHidden = new HashMap<>();
    for (long h : hidden) {
      int at = firstNamedBy.get(h);
      Long prev = previousHidden.put(UpstreamIds.ring(h), h);
      int floor = prev == null ? 0 : lastNamedBy.get(prev) + 1;
      // Back over the deeper-ring tasks just before the first consumer: they are inside h's scope.
      while (at > floor && UpstreamIds.ring(graph.tasks().get(at - 1).taskId()) > UpstreamIds.ring(h)) {
        at--;
      }
      for (int i = 0; i < graph.tasks().size(); i++) {
        long raw = graph.tasks().get(i).taskId();
        if (UpstreamIds.ring(raw) == UpstreamIds.ring(h) && UpstreamIds.local(raw) > UpstreamIds.local(h)) {
          at = Math.min(at, i);
          break;
        }
      }
      ScopeMode mode = ScopeMode.AUTO;
      for (int i = at; i < graph.tasks().size(); i++) {
        DepsTask t = graph.tasks().get(i);
        if (UpstreamIds.ring(t.taskId()) == UpstreamIds.ring(h)) {
          mode = t.manualScope() ? ScopeMode.MANUAL : ScopeMode.AUTO;
          break;
        }
      }
      before.computeIfAbsent(at, k -> new ArrayList<>()).add(new Creation(h, null, mode));
    }
    List<Creation> out = new ArrayList<>();
    for (int i = 0; i < graph.tasks().size(); i++) {
      List<Creation> hiddenHere = new ArrayList<>(before.getOrDefault(i, List.of()));
      hiddenHere.sort((a, b) -> Long.compareUnsigned(a.raw(), b.raw()));
      out.addAll(hiddenHere);
      DepsTask t = graph.tasks().get(i);
      out.add(new Creation(t.taskId(), t, t.manualScope() ? ScopeMode.MANUAL : ScopeMode.AUTO));
    }
    if (before.containsKey(graph.tasks().size())) {
      out.addAll(before.get(graph.tasks().size()));
    }
    return out;
  }

  private TensorArg outputOf(long tensorId, Map<Long, DepsTensor> tensors) {
    DepsTensor t = tensors.get(tensorId);
    if (t == null || t.bufferAddr() < 0) {
      return TensorArg.output(synthetic(UNKNOWN_OUTPUT_BYTES), UNKNOWN_OUTPUT_BYTES);
    }
    long bytes = Math.max(1, t.bufferNumel() * DTYPE_BYTES.getOrDefault(t.dtype(), 1));
    return TensorArg.output(t.bufferAddr(), bytes);
  }

  private TensorArg view(DepsArg a, boolean opaque, Map<Long, DepsTensor> tensors, String pointer) throws UpstreamFormatException {
    TensorSlice s = a.slice().get();
    int width = DTYPE_BYTES.getOrDefault(s.dtype(), 1);
    long size = Math.max(1, s.extentElements() * width);
    long offset = s.startOffset() * width;
    DepsTensor t = tensors.get(s.tensorId());
    if (t == null) {
      throw new UpstreamFormatException(DepsJson.FILE + ": " + pointer + "/tensor_id: tensor " + Long.toUnsignedString(s.tensorId()) + " is not in tensors");
    }
    long base = opaque ? synthetic(size) : t.bufferAddr();
    if (base < 0) {
      throw new UpstreamFormatException(DepsJson.FILE + ": " + pointer + ": buffer address above 2^63 is not modelled");
    }
    ArgDirection dir = switch (a.type()) {
      case DepsArg.INPUT -> ArgDirection.INPUT;
      case DepsArg.INOUT -> ArgDirection.INOUT;
      default -> ArgDirection.OUTPUT_EXISTING;
    };
    try {
      return new TensorArg(dir, base, opaque ? 0 : offset, size);
    } catch (IllegalArgumentException e) {
      throw new UpstreamFormatException(DepsJson.FILE + ": " + pointer + ": " + e.getMessage());
    }
  }
}
