package io.ptosim.scheduler.program;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.OptionalInt;

/**
 * One operation of an orchestration program. Tasks are named by their program-local id, the
 * {@code task} of the {@link Submit} or {@link AllocTensors} that creates them; ids are unique in a
 * program and every later reference names an earlier creation.
 */
public sealed interface Op {

  /**
   * Opens a scope. Scopes nest; the runtime wraps every program in an implicit outer AUTO scope at
   * depth 0 (ring 0), as upstream's executor does, so a program's first scope has depth 1 and its
   * tasks go to ring min(depth, 3) = 1. Ops outside any program scope run in that outer scope.
   */
  record ScopeBegin(ScopeMode mode) implements Op {
    public ScopeBegin {
      Preconditions.checkNotNull(mode, "mode");
    }
  }

  /** Closes the innermost open scope. */
  record ScopeEnd() implements Op {}

  /**
   * Submits a task: its kernel (the name selects the duration in the platform profile), active mask
   * (bit0 AIC, bit1 AIV0, bit2 AIV1, bit3 sync-start; at least one core bit), number of SPMD blocks
   * and tensor arguments. Upstream counts a task's subtasks as {@code block_num x cores} in an int16,
   * so that product is at most {@value #MAX_SUBTASKS}; its OUTPUT bytes total at most
   * {@link TensorArg#MAX_BYTES}.
   *
   * <p>{@code completionConditions}: how many completion conditions the task's kernel registers in
   * each of its subtasks (one block on one core; upstream's {@code register_completion_condition}
   * calls per kernel invocation) before it returns, which makes the task's completion deferred
   * (6ebaf77 {@code pto_async_kernel_api.h}). Empty: as the kernel does by itself
   * ({@code defer_wait} one, every other kernel none; {@code DeferredCompletion}).
   *
   * <p>{@code coreKernels}: empty, when every core the mask names runs {@code kernel}; or one kernel
   * per subtask slot, {@code [aic, aiv0, aiv1]} as upstream's {@code kernel_id[]}, a name in each
   * slot the mask names and {@code ""} elsewhere (each core of a MIX block then runs its own kernel's
   * duration). {@code kernel} stays the task's name in traces and exports.
   */
  record Submit(long task, String kernel, int activeMask, int blockNum, ImmutableList<TensorArg> args,
      OptionalInt completionConditions, ImmutableList<String> coreKernels) implements Op {
    /** Upstream's int16 subtask count: {@code block_num x popcount(active_mask & 7)} at most this. */
    public static final int MAX_SUBTASKS = Short.MAX_VALUE;
    /** The subtask slots, as upstream's PTO2SubtaskSlot numbers them. */
    public static final int AIC = 0;
    public static final int AIV0 = 1;
    public static final int AIV1 = 2;

    /** A task whose every core runs {@code kernel}, which registers the conditions it registers by itself. */
    public Submit(long task, String kernel, int activeMask, int blockNum, ImmutableList<TensorArg> args) {
      this(task, kernel, activeMask, blockNum, args, OptionalInt.empty(), ImmutableList.of());
    }

    /** A task whose every core runs {@code kernel}, registering {@code completionConditions}. */
    public Submit(long task, String kernel, int activeMask, int blockNum, ImmutableList<TensorArg> args,
        OptionalInt completionConditions) {
      this(task, kernel, activeMask, blockNum, args, completionConditions, ImmutableList.of());
    }

    /** A task whose cores run {@code coreKernels}, whose kernels register the conditions they register by themselves. */
    public Submit(long task, String kernel, int activeMask, int blockNum, ImmutableList<TensorArg> args,
        ImmutableList<String> coreKernels) {
      this(task, kernel, activeMask, blockNum, args, OptionalInt.empty(), coreKernels);
    }

    public Submit {
      Preconditions.checkArgument(task >= 0, "task id must be non-negative");
      Preconditions.checkNotNull(kernel, "kernel");
      Preconditions.checkArgument(activeMask > 0 && activeMask < 16, "active_mask must be 1..15 for a submit: %s", activeMask);
      Preconditions.checkArgument((activeMask & 7) != 0,
          "active_mask must name a core (bit 0 AIC, bit 1 AIV0, bit 2 AIV1); sync-start alone is not a task: %s", activeMask);
      Preconditions.checkArgument(blockNum > 0, "block_num must be positive: %s", blockNum);
      int cores = Integer.bitCount(activeMask & 7);
      Preconditions.checkArgument((long) blockNum * cores <= MAX_SUBTASKS,
          "block_num x cores must be at most %s (upstream's int16 subtask count): %s x %s", MAX_SUBTASKS, blockNum, cores);
      Preconditions.checkNotNull(args, "args");
      totalOutputBytes(args, true);
      Preconditions.checkNotNull(completionConditions, "completionConditions");
      Preconditions.checkArgument(completionConditions.orElse(0) >= 0,
          "completion_conditions must be non-negative: %s", completionConditions.orElse(0));
      Preconditions.checkNotNull(coreKernels, "coreKernels");
      Preconditions.checkArgument(coreKernels.isEmpty() || coreKernels.size() == 3,
          "core kernels must name the three slots [aic, aiv0, aiv1]: %s", coreKernels);
      for (int slot = 0; slot < coreKernels.size(); slot++) {
        boolean masked = (activeMask & (1 << slot)) != 0;
        Preconditions.checkArgument(masked != coreKernels.get(slot).isEmpty(),
            "core kernels must name exactly the cores active_mask %s names: %s has %s", activeMask,
            SLOT_NAMES.get(slot), coreKernels.get(slot).isEmpty() ? "none" : "'" + coreKernels.get(slot) + "'");
      }
      coreKernels.stream().filter(k -> !k.isEmpty()).forEach(io.ptosim.des.platform.PlatformProfile::checkKernelName);
    }

    /** The slot names of {@link #coreKernels}, as the program format spells them. */
    public static final ImmutableList<String> SLOT_NAMES = ImmutableList.of("aic", "aiv0", "aiv1");

    /** The kernel subtask slot {@code slot} runs ({@link #AIC}, {@link #AIV0}, {@link #AIV1}). */
    public String kernelOf(int slot) {
      return coreKernels.isEmpty() ? kernel : coreKernels.get(slot);
    }

    /** The kernels whose durations the run takes: {@code kernel}, or each active slot's. */
    public ImmutableList<String> runKernels() {
      if (coreKernels.isEmpty()) {
        return ImmutableList.of(kernel);
      }
      return coreKernels.stream().filter(k -> !k.isEmpty()).distinct().collect(ImmutableList.toImmutableList());
    }

    /** Heap bytes this task's OUTPUT arguments take from its ring (at most {@link TensorArg#MAX_BYTES}). */
    public long outputBytes() {
      return totalOutputBytes(args, true);
    }
  }

  /**
   * alloc_tensors(): a hidden task (mask 0) that owns output buffers. It is COMPLETED when submitted,
   * never dispatched, and holds its ring slot and a scope reference until retired.
   */
  record AllocTensors(long task, ImmutableList<TensorArg> outputs) implements Op {
    public AllocTensors {
      Preconditions.checkArgument(task >= 0, "task id must be non-negative");
      Preconditions.checkNotNull(outputs, "outputs");
      totalOutputBytes(outputs, false);
    }

    /** Heap bytes of the outputs (at most {@link TensorArg#MAX_BYTES}). */
    public long outputBytes() {
      return totalOutputBytes(outputs, false);
    }
  }

  /**
   * The summed size of the OUTPUT arguments ({@code onlyOutputs}) or of all of them; an
   * {@link IllegalArgumentException} when it exceeds {@link TensorArg#MAX_BYTES}. Each size is at
   * most that, so the running sum never overflows.
   */
  private static long totalOutputBytes(ImmutableList<TensorArg> args, boolean onlyOutputs) {
    long sum = 0;
    for (TensorArg a : args) {
      if (!onlyOutputs || a.direction() == ArgDirection.OUTPUT) {
        sum += a.size();
        Preconditions.checkArgument(sum <= TensorArg.MAX_BYTES, "OUTPUT bytes of one task must total at most 2^48: %s", sum);
      }
    }
    return sum;
  }

  /** An explicit edge inside a MANUAL scope: {@code consumer} waits for {@code producer}. */
  record AddDependency(long producer, long consumer) implements Op {}

  /**
   * The orchestration's own {@code rt_report_fatal(code, message)}: it latches {@code code} and the
   * run ends there (every later orchestration call is a no-op upstream). {@code code} is positive
   * (0 is "no error"); {@code message} is one line of at most {@value #MAX_MESSAGE} characters
   * (upstream formats it into a 1,024-byte buffer), empty for none.
   */
  record ReportFatal(int code, String message) implements Op {
    /** Upstream's message buffer holds 1,023 characters and the terminator. */
    public static final int MAX_MESSAGE = 1023;

    public ReportFatal {
      Preconditions.checkArgument(code > 0, "code must be positive (0 is no error): %s", code);
      Preconditions.checkNotNull(message, "message");
      Preconditions.checkArgument(message.length() <= MAX_MESSAGE, "message must be at most %s characters: %s",
          MAX_MESSAGE, message.length());
      Preconditions.checkArgument(message.chars().noneMatch(Character::isISOControl),
          "message must be one line without control characters");
    }
  }
}
