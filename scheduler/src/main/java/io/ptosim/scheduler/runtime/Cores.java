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
 * c} (the cores its mask names, released together).
 */
final class Cores {
  private static final int IDLE = -1;

  final int clusters;
  final int aivPerCluster;
  final int threads;
  private final int aivCores;
  private final int[] aicTask;
  private final int[] aivTask;
  private final boolean[] aicRan;
  private final boolean[] aivRan;
  /** Per unit: the task, block and (for MIX) mask it runs. */
  private final int[] unitTask;
  private final int[] unitBlock;
  private final int[] unitMask;
  private final CoreId[] coreIds;

  Cores(PlatformProfile platform) {
    clusters = platform.clusters();
    aivPerCluster = platform.aivPerCluster();
    threads = platform.schedulerThreads();
    aivCores = clusters * aivPerCluster;
    aicTask = new int[clusters];
    aivTask = new int[aivCores];
    Arrays.fill(aicTask, IDLE);
    Arrays.fill(aivTask, IDLE);
    aicRan = new boolean[clusters];
    aivRan = new boolean[aivCores];
    int units = clusters + aivCores + clusters;
    unitTask = new int[units];
    unitBlock = new int[units];
    unitMask = new int[units];
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
        if (aicTask[c] == IDLE) {
          return c;
        }
      } else if (shape == Shapes.AIV) {
        for (int k = c * aivPerCluster; k < (c + 1) * aivPerCluster; k++) {
          if (aivTask[k] == IDLE) {
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
        n += aicTask[c] == IDLE ? 1 : 0;
      } else if (shape == Shapes.AIV) {
        int idle = 0;
        for (int k = c * aivPerCluster; k < (c + 1) * aivPerCluster; k++) {
          idle += aivTask[k] == IDLE ? 1 : 0;
        }
        n += aivPerCore ? idle : Math.min(idle, 1);
      } else {
        n += !wholeCluster || clusterIdle(c) ? 1 : 0;
      }
    }
    return n;
  }

  private boolean clusterIdle(int c) {
    if (aicTask[c] != IDLE) {
      return false;
    }
    for (int k = c * aivPerCluster; k < (c + 1) * aivPerCluster; k++) {
      if (aivTask[k] != IDLE) {
        return false;
      }
    }
    return true;
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

  /** The task on AIC core {@code c}, or -1. */
  int aicTaskAt(int c) {
    return aicTask[c];
  }

  /** The task on AIV core {@code k} (cluster {@code k / aivPerCluster}), or -1. */
  int aivTaskAt(int k) {
    return aivTask[k];
  }

  /** Whether thread {@code thread} could start some block of {@code shape} now (MIX: any idle core). */
  boolean mayDispatch(int thread, int shape) {
    for (int c = thread; c < clusters; c += threads) {
      boolean aic = aicTask[c] == IDLE;
      boolean aiv = false;
      for (int k = c * aivPerCluster; k < (c + 1) * aivPerCluster; k++) {
        aiv |= aivTask[k] == IDLE;
      }
      if (shape == Shapes.AIC ? aic : shape == Shapes.AIV ? aiv : aic || aiv) {
        return true;
      }
    }
    return false;
  }

  private boolean mixFits(int c, int mask) {
    if ((mask & Shape.MASK_AIC) != 0 && aicTask[c] != IDLE) {
      return false;
    }
    for (int k = 0; k < aivPerCluster; k++) {
      int bit = k == 0 ? Shape.MASK_AIV0 : Shape.MASK_AIV1;
      if ((mask & bit) != 0 && aivTask[c * aivPerCluster + k] != IDLE) {
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
