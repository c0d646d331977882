package io.ptosim.scheduler.version.sched;

import com.google.common.collect.ImmutableList;
import io.ptosim.des.event.Shape;

/**
 * How a scheduler thread walks the shapes in one dispatch pass and which cores a block may take.
 * Both versions go MIX first, then AIC/AIV on even threads and AIV/AIC on odd ones.
 */
public sealed interface DispatchRule {
  ImmutableList<Shape> EVEN = ImmutableList.of(Shape.MIX, Shape.AIC, Shape.AIV);
  ImmutableList<Shape> ODD = ImmutableList.of(Shape.MIX, Shape.AIV, Shape.AIC);

  /** The shapes in the order thread {@code thread} dispatches them. */
  default ImmutableList<Shape> order(int thread) {
    return thread % 2 == 0 ? EVEN : ODD;
  }

  /** Whether AIC/AIV skip this pass while MIX tasks are still queued after the MIX stage. */
  boolean narrowYieldsToQueuedMix();

  /** Whether a MIX block needs every core of its cluster idle (else only the cores its mask names). */
  boolean mixNeedsWholeCluster();

  /** Whether an AIV batch is sized by idle AIV cores (else by clusters with an idle AIV core). */
  boolean aivBatchPerCore();

  /**
   * Whether a pass ends with a PENDING stage: an AIC or AIV core running a block takes a second,
   * pre-loaded block into its pending slot (which the core starts when the running kernel ends),
   * unless a peer thread has an idle core of that shape.
   */
  boolean pendingSlots();

  /**
   * pr482 (01d0723 aicpu_executor.cpp get_dispatch_order, CoreTracker::get_valid_cluster_offset_states):
   * a MIX cluster is valid only with AIC, AIV0 and AIV1 all idle; an AIV batch pops one task per
   * cluster with an idle AIV; no MIX priority beyond going first; a core holds one block at a time
   * (no pending slot).
   */
  record WidestFirst() implements DispatchRule {
    @Override
    public boolean pendingSlots() {
      return false;
    }

    @Override
    public boolean narrowYieldsToQueuedMix() {
      return false;
    }

    @Override
    public boolean mixNeedsWholeCluster() {
      return true;
    }

    @Override
    public boolean aivBatchPerCore() {
      return false;
    }
  }

  /**
   * main (6ebaf77 scheduler_dispatch.cpp run_staging_order, has_residual_mix; scheduler_types.h
   * classify_mix_cluster, get_idle_core_offset_states): MIX strict priority (AIC/AIV yield while the
   * MIX queue is non-empty after the MIX stage), a MIX block needs only its masked cores idle, an AIV
   * batch pops one task per idle AIV core. The pass's PENDING stage (run_staging_order after the IDLE
   * stage; scheduler_types.h CoreExecState's running + pending dual slot; scheduler_completion.cpp
   * promote_pending_to_running): AIC/AIV cores that run a block take one more into the pending slot,
   * skipped for a shape while a peer thread has an idle core of it (has_idle_in_other_threads).
   */
  record MixStrictPriority() implements DispatchRule {
    @Override
    public boolean pendingSlots() {
      return true;
    }

    @Override
    public boolean narrowYieldsToQueuedMix() {
      return true;
    }

    @Override
    public boolean mixNeedsWholeCluster() {
      return false;
    }

    @Override
    public boolean aivBatchPerCore() {
      return true;
    }
  }
}
