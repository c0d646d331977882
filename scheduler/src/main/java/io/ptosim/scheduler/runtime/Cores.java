package io.ptosim.scheduler.runtime;

import io.ptosim.des.event.CoreId;
import io.ptosim.des.event.Shape;
import io.ptosim.des.platform.CoreType;
import io.ptosim.des.platform.PlatformProfile;
import java.util.Arrays;

/**
 * The AICore side: which core runs which task's block. Cluster {@code c} has AIC core {@code c} and
 * AIV cores {@code c * aivPerCluster + k}; it belongs to scheduler thread {@code c % threads}.
 *
 * <p>A dispatched block occupies a <em>unit</em>, coded as an int: an AIC core {@code c}, an AIV
 * core {@code clusters + k}, or, for a MIX block, cluster {@code c} as {@code clusters + aivCores +
 * c} (the cores its mask names, released together). When the version has pending slots, an AIC or
 * AIV core {@code u} has a second unit {@code pendingBase + u}: a block pre-loaded while the core
 * runs another, which starts computing when that one's kernel ends. A core is idle only with both
 * of its slots free.
 */
final class Cores {
  private static final int IDLE = -1;

  final int clusters;
  final int aivPerCluster;
  final int threads;
  private final int aivCores;
  private final int[] aicTask;
  private final int[] aivTask;
  /** The second (pending) slot of each core: the task pre-loaded there, or IDLE. */
  private final int[] aicPend;
  private final int[] aivPend;
  /** The pending unit of core unit {@code u} is {@code pendingBase + u}. */
  private final int pendingBase;
  private final boolean[] aicRan;
  private final boolean[] aivRan;
  /** Per unit: the task, block and (for MIX) mask it runs. */
  private final int[] unitTask;
  private final int[] unitBlock;
  private final int[] unitMask;
  private final CoreId[] coreIds;
  /** Per unit: when its current block's kernel runs, [start, end) in virtual ns (end 0: never ran). */
  private final long[] kernelStart;
  private final long[] kernelEnd;
  /** Per unit: a single-core block occupies it (a MIX block's cores pre-load nothing). */
  private final boolean[] singleOccupant;

  Cores(PlatformProfile platform) {
    clusters = platform.clusters();
    aivPerCluster = platform.aivPerCluster();
    threads = platform.schedulerThreads();
    aivCores = clusters * aivPerCluster;
    aicTask = new int[clusters];
    aivTask = new int[aivCores];
    Arrays.fill(aicTask, IDLE);
    Arrays.fill(aivTask, IDLE);
    aicPend = new int[clusters];
    aivPend = new int[aivCores];
    Arrays.fill(aicPend, IDLE);
    Arrays.fill(aivPend, IDLE);
    aicRan = new boolean[clusters];
    aivRan = new boolean[aivCores];
    pendingBase = clusters + aivCores + clusters;
    int units = pendingBase + clusters + aivCores;
    unitTask = new int[units];
    unitBlock = new int[units];
    unitMask = new int[units];
    kernelStart = new long[units];
    kernelEnd = new long[units];
    singleOccupant = new boolean[units];
    coreIds = new CoreId[clusters + aivCores];
    for (int c = 0; c < clusters; c++) {
      coreIds[c] = new CoreId(CoreType.AIC, c);
    }
    for (int k = 0; k < aivCores; k++) {
      coreIds[clusters + k] = new CoreId(CoreType.AIV, k);
    }
  }

  int threadOfUnit(int unit) {
    return clusterOfUnit(unit) % threads;
  }

  private int clusterOfUnit(int unit) {
    if (unit >= pendingBase) {
      unit -= pendingBase;
    }
    if (unit < clusters) {
      return unit;
    }
    if (unit < clusters + aivCores) {
      return (unit - clusters) / aivPerCluster;
    }
    return unit - clusters - aivCores;
  }

  /**
   * A free unit of thread {@code thread} for a block of {@code shape} and {@code mask}, or -1: the
   * lowest cluster first, AIV0 before AIV1; a MIX block takes a cluster whose cores its mask names
   * are idle, or, when {@code wholeCluster}, one whose three cores are all idle.
   */
  int idleUnit(int thread, int shape, int mask, boolean wholeCluster) {
    for (int c = thread; c < clusters; c += threads) {
      if (shape == Shapes.AIC) {
        if (aicIdle(c)) {
          return c;
        }
      } else if (shape == Shapes.AIV) {
        for (int k = c * aivPerCluster; k < (c + 1) * aivPerCluster; k++) {
          if (aivIdle(k)) {
            return clusters + k;
          }
        }
      } else if (wholeCluster ? clusterIdle(c) : mixFits(c, mask)) {
        return clusters + aivCores + c;
      }
    }
    return -1;
  }

  /**
   * How many tasks thread {@code thread} pops for {@code shape} in one batch: AIC clusters with an
   * idle AIC; AIV cores idle (or, unless {@code aivPerCore}, clusters with an idle AIV core); MIX
   * clusters all idle when {@code wholeCluster}, else every cluster of the thread (each popped task
   * then looks for a cluster its mask fits).
   */
  int batchSize(int thread, int shape, boolean wholeCluster, boolean aivPerCore) {
    int n = 0;
    for (int c = thread; c < clusters; c += threads) {
      if (shape == Shapes.AIC) {
        n += aicIdle(c) ? 1 : 0;
      } else if (shape == Shapes.AIV) {
        int idle = 0;
        for (int k = c * aivPerCluster; k < (c + 1) * aivPerCluster; k++) {
          idle += aivIdle(k) ? 1 : 0;
        }
        n += aivPerCore ? idle : Math.min(idle, 1);
      } else {
        n += !wholeCluster || clusterIdle(c) ? 1 : 0;
      }
    }
    return n;
  }

  private boolean clusterIdle(int c) {
    if (!aicIdle(c)) {
      return false;
    }
    for (int k = c * aivPerCluster; k < (c + 1) * aivPerCluster; k++) {
      if (!aivIdle(k)) {
        return false;
      }
    }
    return true;
  }

  private boolean aicIdle(int c) {
    return aicTask[c] == IDLE && aicPend[c] == IDLE;
  }

  private boolean aivIdle(int k) {
    return aivTask[k] == IDLE && aivPend[k] == IDLE;
  }

  private boolean anyAivIdle(int c) {
    for (int k = c * aivPerCluster; k < (c + 1) * aivPerCluster; k++) {
      if (aivIdle(k)) {
        return true;
      }
    }
    return false;
  }

  /** The free slot of core unit {@code u} (AIC or AIV) when exactly one slot runs a single-core block, else -1. */
  private int freeSecondSlot(int u) {
    boolean first = (u < clusters ? aicTask[u] : aivTask[u - clusters]) != IDLE;
    boolean second = (u < clusters ? aicPend[u] : aivPend[u - clusters]) != IDLE;
    if (first && !second) {
      return singleOccupant[u] ? pendingBase + u : -1;
    }
    return !first && second ? u : -1;
  }

  /**
   * The free slot of thread {@code thread}'s lowest core of {@code shape} (AIC or AIV) that runs a
   * block and can pre-load another (AIV0 before AIV1), or -1.
   */
  int pendingUnit(int thread, int shape) {
    for (int c = thread; c < clusters; c += threads) {
      if (shape == Shapes.AIC) {
        int slot = freeSecondSlot(c);
        if (slot >= 0) {
          return slot;
        }
      } else if (shape == Shapes.AIV) {
        for (int k = c * aivPerCluster; k < (c + 1) * aivPerCluster; k++) {
          int slot = freeSecondSlot(clusters + k);
          if (slot >= 0) {
            return slot;
          }
        }
      }
    }
    return -1;
  }

  /** How many of thread {@code thread}'s cores of {@code shape} (AIC or AIV) can pre-load a block. */
  int pendingCount(int thread, int shape) {
    int n = 0;
    for (int c = thread; c < clusters; c += threads) {
      if (shape == Shapes.AIC) {
        n += freeSecondSlot(c) >= 0 ? 1 : 0;
      } else if (shape == Shapes.AIV) {
        for (int k = c * aivPerCluster; k < (c + 1) * aivPerCluster; k++) {
          n += freeSecondSlot(clusters + k) >= 0 ? 1 : 0;
        }
      }
    }
    return n;
  }

  /** Whether a thread other than {@code thread} has an idle core of {@code shape} (AIC or AIV). */
  boolean idleElsewhere(int thread, int shape) {
    for (int c = 0; c < clusters; c++) {
      if (c % threads != thread && (shape == Shapes.AIC ? aicIdle(c) : anyAivIdle(c))) {
        return true;
      }
    }
    return false;
  }

  /**
   * When a block placed on {@code unit} starts computing, given that its payload is visible to the
   * core at {@code visibleAt}: then, or, when the core's other slot still holds a block, once that
   * block's kernel ends (the core picks the pre-loaded payload up itself).
   */
  long startAfter(int unit, long visibleAt) {
    int u = unit >= pendingBase ? unit - pendingBase : unit;
    if (u >= clusters + aivCores) {
      return visibleAt;
    }
    int other = unit >= pendingBase ? u : pendingBase + u;
    boolean otherBusy = unit >= pendingBase
        ? (u < clusters ? aicTask[u] : aivTask[u - clusters]) != IDLE
        : (u < clusters ? aicPend[u] : aivPend[u - clusters]) != IDLE;
    return otherBusy ? Math.max(visibleAt, kernelEnd[other]) : visibleAt;
  }

  /** Whether a core of thread {@code thread}'s clusters runs a block. */
  boolean ownsRunning(int thread) {
    for (int c = thread; c < clusters; c += threads) {
      if (!clusterIdle(c)) {
        return true;
      }
    }
    return false;
  }

  boolean anyRunning() {
    for (int t = 0; t < threads; t++) {
      if (ownsRunning(t)) {
        return true;
      }
    }
    return false;
  }

  /** The task on AIC core {@code c} (its first busy slot), or -1. */
  int aicTaskAt(int c) {
    return aicTask[c] != IDLE ? aicTask[c] : aicPend[c];
  }

  /** The task on AIV core {@code k} (cluster {@code k / aivPerCluster}; its first busy slot), or -1. */
  int aivTaskAt(int k) {
    return aivTask[k] != IDLE ? aivTask[k] : aivPend[k];
  }

  /** The task in AIC core {@code c}'s other slot when both are busy, or -1. */
  int aicSecondAt(int c) {
    return aicTask[c] != IDLE ? aicPend[c] : IDLE;
  }

  /** The task in AIV core {@code k}'s other slot when both are busy, or -1. */
  int aivSecondAt(int k) {
    return aivTask[k] != IDLE ? aivPend[k] : IDLE;
  }

  /** Whether thread {@code thread} could start some block of {@code shape} now (MIX: any idle core). */
  boolean mayDispatch(int thread, int shape) {
    for (int c = thread; c < clusters; c += threads) {
      boolean aic = aicIdle(c);
      boolean aiv = anyAivIdle(c);
      if (shape == Shapes.AIC ? aic : shape == Shapes.AIV ? aiv : aic || aiv) {
        return true;
      }
    }
    return false;
  }

  private boolean mixFits(int c, int mask) {
    if ((mask & Shape.MASK_AIC) != 0 && !aicIdle(c)) {
      return false;
    }
    for (int k = 0; k < aivPerCluster; k++) {
      int bit = k == 0 ? Shape.MASK_AIV0 : Shape.MASK_AIV1;
      if ((mask & bit) != 0 && !aivIdle(c * aivPerCluster + k)) {
        return false;
      }
    }
    return true;
  }

  /** Occupies {@code unit}; returns whether its core(s) ran a block before (a task switch). */
  boolean occupy(int unit, int task, int block, int mask) {
    unitTask[unit] = task;
    unitBlock[unit] = block;
    unitMask[unit] = mask;
    return setCores(unit, task);
  }

  /** Notes when the block just placed on {@code unit} computes: [start, end) in virtual ns. */
  void kernelWindow(int unit, long start, long end) {
    kernelStart[unit] = start;
    kernelEnd[unit] = end;
  }

  /**
   * How many cores compute a kernel at {@code now}: a MIX unit counts each core its mask names. A
   * block's window is fixed at dispatch, so this is a pure read of state set in earlier events.
   */
  int computingAt(long now) {
    int n = 0;
    for (int unit = 0; unit < unitTask.length; unit++) {
      if (kernelStart[unit] <= now && now < kernelEnd[unit]) {
        n += unit < clusters + aivCores || unit >= pendingBase ? 1 : Integer.bitCount(unitMask[unit] & (Shape.MASK_AIC | Shape.MASK_AIV0 | Shape.MASK_AIV1));
      }
    }
    return n;
  }

  /** Frees {@code unit}; returns the task whose block it ran. */
  int release(int unit) {
    int task = unitTask[unit];
    setCores(unit, IDLE);
    return task;
  }

  /** The task whose block {@code unit} runs. */
  int taskOfUnit(int unit) {
    return unitTask[unit];
  }

  int blockOf(int unit) {
    return unitBlock[unit];
  }

  private boolean setCores(int unit, int task) {
    boolean ran;
    if (unit >= pendingBase) {
      int u = unit - pendingBase;
      if (u < clusters) {
        ran = aicRan[u];
        aicPend[u] = task;
        aicRan[u] = true;
      } else {
        ran = aivRan[u - clusters];
        aivPend[u - clusters] = task;
        aivRan[u - clusters] = true;
      }
      return ran;
    }
    if (unit < clusters + aivCores) {
      singleOccupant[unit] = task != IDLE;
    }
    if (unit < clusters) {
      ran = aicRan[unit];
      aicTask[unit] = task;
      aicRan[unit] = true;
      return ran;
    }
    if (unit < clusters + aivCores) {
      int k = unit - clusters;
      ran = aivRan[k];
      aivTask[k] = task;
      aivRan[k] = true;
      return ran;
    }
    int c = unit - clusters - aivCores;
    int mask = unitMask[unit];
    ran = false;
    if ((mask & Shape.MASK_AIC) != 0) {
      ran |= aicRan[c];
      aicTask[c] = task;
      aicRan[c] = true;
    }
    for (int k = 0; k < aivPerCluster; k++) {
      int bit = k == 0 ? Shape.MASK_AIV0 : Shape.MASK_AIV1;
      if ((mask & bit) != 0) {
        ran |= aivRan[c * aivPerCluster + k];
        aivTask[c * aivPerCluster + k] = task;
        aivRan[c * aivPerCluster + k] = true;
      }
    }
    return ran;
  }

  /** The core a trace names for {@code unit}: the core itself, or a MIX block's first core. */
  CoreId coreId(int unit) {
    if (unit >= pendingBase) {
      return coreIds[unit - pendingBase];
    }
    if (unit < clusters + aivCores) {
      return coreIds[unit];
    }
    int c = unit - clusters - aivCores;
    int mask = unitMask[unit];
    if ((mask & Shape.MASK_AIC) != 0) {
      return coreIds[c];
    }
    int k = (mask & Shape.MASK_AIV0) != 0 || aivPerCluster == 1 ? 0 : 1;
    return coreIds[clusters + c * aivPerCluster + k];
  }
}
