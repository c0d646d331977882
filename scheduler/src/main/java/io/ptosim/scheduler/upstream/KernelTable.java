package io.ptosim.scheduler.upstream;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableBiMap;
import com.google.common.collect.ImmutableList;
import io.ptosim.scheduler.workload.Kernels;
import java.util.Optional;

/**
 * Kernel names of a program ↔ upstream kernel function ids, as an example's {@code kernel_config}
 * assigns them ({@code incores[].func_id}), and the {@code [aic, aiv0, aiv1]} triple dep_gen
 * records for a submit: the func id in each slot the active mask names, -1 elsewhere.
 *
 * <p>Programs read from a deps.json name their kernels {@code f<id>} (one id in every active slot)
 * or {@code f<aic>.<aiv0>.<aiv1>}, and a task with no active slot (upstream's dummy task) is
 * {@code dummy}; those names map back to the recorded triple whatever the table.
 */
public final class KernelTable {
  /** The name of upstream's dummy task (kernel ids [-1, -1, -1]). */
  public static final String DUMMY = "dummy";

  /**
   * paged_attention and paged_attention_manual_scope at 6ebaf77, and PR #482's partial-manual at
   * 01d0723: QK 0, SF 1, PV 2, UP 3; PR #482's AIV hub 5.
   */
  public static final KernelTable PAGED_ATTENTION =
      new KernelTable(ImmutableBiMap.of(Kernels.QK, 0, Kernels.SF, 1, Kernels.PV, 2, Kernels.UP, 3, Kernels.HUB, 5));

  /** No example's names: only the {@code f...} names of a recorded graph are known. */
  public static final KernelTable RECORDED = new KernelTable(ImmutableBiMap.of());

  private final ImmutableBiMap<String, Integer> funcIds;

  public KernelTable(ImmutableBiMap<String, Integer> funcIds) {
    this.funcIds = Preconditions.checkNotNull(funcIds, "funcIds");
  }

  /**
   * The table for {@code program}'s kernels: paged attention's four names keep their func ids;
   * any other name (a scenario workload's) gets the next free id in the order the program first
   * submits it, so that an export is deterministic.
   */
  public static KernelTable forProgram(io.ptosim.scheduler.program.Program program) {
    java.util.LinkedHashMap<String, Integer> ids = new java.util.LinkedHashMap<>();
    int next = 0;
    for (var op : program.ops()) {
      if (op instanceof io.ptosim.scheduler.program.Op.Submit s) {
        for (String k : exportedNames(s)) {
          if (PAGED_ATTENTION.funcIds.containsKey(k)) {
            ids.put(k, PAGED_ATTENTION.funcIds.get(k));
          }
        }
      }
    }
    for (int id : ids.values()) {
      next = Math.max(next, id + 1);
    }
    for (var op : program.ops()) {
      if (op instanceof io.ptosim.scheduler.program.Op.Submit s) {
        for (String k : exportedNames(s)) {
          if (!ids.containsKey(k) && RECORDED.funcId(k).isEmpty() && parseRecorded(k).isEmpty()) {
            ids.put(k, next++);
          }
        }
      }
    }
    return new KernelTable(ImmutableBiMap.copyOf(ids));
  }

  /**
   * The dep_gen triple of {@code submit}: its per-core kernels' func ids when it names them (a
   * recorded {@code f<aic>.<aiv0>.<aiv1>} name is its own triple), else as {@link #kernelIds(String, int)}.
   */
  public ImmutableList<Integer> kernelIds(io.ptosim.scheduler.program.Op.Submit submit) {
    if (submit.coreKernels().isEmpty() || parseRecorded(submit.kernel()).isPresent()) {
      return kernelIds(submit.kernel(), submit.activeMask());
    }
    Integer[] slots = {-1, -1, -1};
    for (int slot = 0; slot < 3; slot++) {
      if ((submit.activeMask() & (1 << slot)) != 0) {
        String k = submit.kernelOf(slot);
        slots[slot] = funcId(k).orElseThrow(() -> new IllegalArgumentException(
            "kernel '" + k + "' has no upstream func id in this table (known: " + funcIds.keySet() + ")"));
      }
    }
    return ImmutableList.copyOf(slots);
  }

  /**
   * The per-core kernels of a recorded triple whose active slots hold different func ids
   * (each the table's name of its id or {@code f<id>}, {@code ""} in an unused slot), or empty when one id (or
   * none) fills them: each core of the task then runs its own kernel.
   */
  public ImmutableList<String> coreKernels(ImmutableList<Integer> kernelIds) {
    if (kernelIds.stream().filter(k -> k >= 0).distinct().count() < 2) {
      return ImmutableList.of();
    }
    ImmutableList.Builder<String> slots = ImmutableList.builder();
    for (int k : kernelIds) {
      String name = k < 0 ? "" : funcIds.inverse().get(k);
      slots.add(name != null ? name : "f" + k);
    }
    return slots.build();
  }

  /** The names whose func ids a submit's kernel_ids hold: its kernel, or its per-core kernels. */
  private static java.util.List<String> exportedNames(io.ptosim.scheduler.program.Op.Submit s) {
    return s.coreKernels().isEmpty() ? java.util.List.of(s.kernel()) : s.runKernels();
  }

  /** The dep_gen triple of a submit of {@code kernel} with {@code activeMask}. */
  public ImmutableList<Integer> kernelIds(String kernel, int activeMask) {
    Optional<ImmutableList<Integer>> recorded = parseRecorded(kernel);
    if (recorded.isPresent()) {
      return recorded.get();
    }
    Integer id = funcId(kernel).orElseThrow(() -> new IllegalArgumentException(
        "kernel '" + kernel + "' has no upstream func id in this table (known: " + funcIds.keySet() + ")"));
    Integer[] slots = {-1, -1, -1};
    for (int slot = 0; slot < 3; slot++) {
      if ((activeMask & (1 << slot)) != 0) {
        slots[slot] = id;
      }
    }
    return ImmutableList.copyOf(slots);
  }

  /** The program kernel name of a recorded triple: the table's name when one func id fills every active slot. */
  public String kernelName(ImmutableList<Integer> kernelIds) {
    Integer single = null;
    boolean uniform = true;
    for (int k : kernelIds) {
      if (k >= 0) {
        if (single == null) {
          single = k;
        } else if (single != k) {
          uniform = false;
        }
      }
    }
    if (single == null) {
      return DUMMY;
    }
    if (uniform) {
      String name = funcIds.inverse().get(single);
      return name != null ? name : "f" + single;
    }
    return "f" + kernelIds.get(0) + "." + kernelIds.get(1) + "." + kernelIds.get(2);
  }

  private static Optional<ImmutableList<Integer>> parseRecorded(String kernel) {
    if (kernel.equals(DUMMY)) {
      return Optional.of(ImmutableList.of(-1, -1, -1));
    }
    if (!kernel.startsWith("f") || !kernel.contains(".")) {
      return Optional.empty();
    }
    String[] parts = kernel.substring(1).split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      return Optional.of(ImmutableList.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The func id of an {@code f<id>} name, or of a table name. */
  Optional<Integer> funcId(String kernel) {
    Integer id = funcIds.get(kernel);
    if (id != null) {
      return Optional.of(id);
    }
    if (kernel.startsWith("f") && !kernel.contains(".")) {
      try {
        return Optional.of(Integer.parseInt(kernel.substring(1)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
