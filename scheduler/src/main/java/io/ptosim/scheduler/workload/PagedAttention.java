package io.ptosim.scheduler.workload;

import static io.ptosim.scheduler.program.ArgDirection.INOUT;
import static io.ptosim.scheduler.program.ArgDirection.INPUT;

import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;

/**
 * Upstream's paged-attention orchestrations for one of its test cases, each producing the task
 * graph upstream records for it (checked against the corpus's deps.json by GraphIdentityTest).
 *
 * <p>Every variant runs inside the executor's outer scope (ring 0, opened by the runtime) and, per
 * batch and query tile, submits per KV block QK (AIC) -> SF (AIV) -> PV (AIC) -> UP (AIV), UP
 * updating the accumulators oi, li_update, mi_update and the batch's rows of {@code out} in place.
 *
 * <ul>
 *   <li>AUTO (examples/a2a3/tensormap_and_ringbuffer/paged_attention at 6ebaf77): an AUTO scope
 *       per tile (ring 1) holding the alloc_tensors task that owns the accumulators, and an AUTO
 *       scope per KV block (ring 2, PTO2_SCOPE_GUARD); the TensorMap and creator retention find
 *       every edge.
 *   <li>MANUAL (paged_attention_manual_scope at 6ebaf77, main's manual-scope v0): one MANUAL scope
 *       per tile at depth 1 (ring 1), the alloc_tensors task first in it; explicit edges only:
 *       QK->SF, SF->PV, PV->UP, the previous UP->UP, and alloc->UP on the tile's last block (it
 *       keeps the scratch buffers alive until the last consumer). UP has no SF edge (SF->PV->UP
 *       orders it).
 *   <li>PARTIAL_MANUAL (tests/st/.../paged_attention_partial_manual at 01d0723, PR #482, the #495
 *       seed): an AUTO scope per tile (ring 1) around a MANUAL scope (ring 2) whose first task is
 *       the AIV hub (func 5) owning the accumulators as its OUTPUTs; after each block's four
 *       submits the edges QK->SF, SF->PV, SF->UP, PV->UP and previous UP (the hub for block 0)
 *       ->UP.
 *   <li>the #495 seed snapshot's partial-manual graph ({@link #program(PagedAttentionCase, boolean)}),
 *       which the #495 scenarios and the catalogue run.
 * </ul>
 *
 * <p>Upstream draws the block table at random; it only selects which key/value rows are read, so a
 * fixed layout (batch b, block i -> cache block b * blocksPerBatch + i) gives the same graph.
 */
public final class PagedAttention extends NamedWorkload {
  private static final int BF16 = 2;
  private static final int F32 = 4;

  public PagedAttention() {
    super("paged-attention", "upstream paged attention (Case1..CaseVarSeq4, seed-era shapes), AUTO, main's manual scope or PR #482's partial-manual");
  }

  @Override
  public Program program(WorkloadParams params) {
    return program(PagedAttentionCase.byName(params.caseName()), params.mode());
  }

  /** The program of {@code c} in {@code mode}. */
  public static Program program(PagedAttentionCase c, WorkloadParams.Mode mode) {
    return new Emitter(c, Variant.of(mode)).emit();
  }

  /**
   * The program of {@code c}: AUTO, or with {@code manual} the partial-manual graph of the #495
   * seed's snapshot (the reporter's 316bfb1 build, not in the mirror): one MANUAL scope per batch
   * (ring 2) inside the AUTO scope, whose first task is a hidden alloc_tensors buffer owner, and the
   * edges QK->SF, SF->PV, PV->UP and prev->UP (the alloc for block 0); UP has no SF edge, as the
   * snapshot shows SF with one consumer. The #495 scenarios, the catalogue and the seed-bug faults
   * (publish-hidden-alloc acts on that hidden owner) run this graph; {@code --mode partial-manual}
   * runs 01d0723's.
   */
  public static Program program(PagedAttentionCase c, boolean manual) {
    return new Emitter(c, manual ? Variant.SEED_SNAPSHOT : Variant.AUTO).emit();
  }

  /** The four graphs: the three upstream programs and the seed snapshot's. */
  private enum Variant {
    AUTO,
    MANUAL,
    PARTIAL_MANUAL,
    SEED_SNAPSHOT;

    /** The program name's last part; the seed snapshot keeps its earlier name, so its runs' hashes stay. */
    String programSuffix() {
      return switch (this) {
        case AUTO -> "auto";
        case MANUAL -> "manual";
        case PARTIAL_MANUAL -> "partial-manual";
        case SEED_SNAPSHOT -> "manual-scope";
      };
    }

    static Variant of(WorkloadParams.Mode mode) {
      return switch (mode) {
        case AUTO -> AUTO;
        case MANUAL -> MANUAL;
        case PARTIAL_MANUAL -> PARTIAL_MANUAL;
      };
    }
  }

  /** Writes one program: the tensor layout and the orchestration loop. */
  private static final class Emitter {
    private final PagedAttentionCase c;
    private final Variant mode;
    private final ProgramBuilder pb;
    private final AddressSpace mem = new AddressSpace();
    private final long query;
    private final long keyCache;
    private final long valueCache;
    private final long out;

    Emitter(PagedAttentionCase c, Variant mode) {
      this.c = c;
      this.mode = mode;
      this.pb = ProgramBuilder.named("paged-attention/" + c.name() + "/" + mode.programSuffix());
      long rows = (long) c.batch() * c.numHeads();
      long cacheRows = (long) c.batch() * c.cacheBlocksPerBatch() * c.blockSize() * c.kvHeadNum();
      query = mem.allocate(rows * c.headDim() * BF16);
      keyCache = mem.allocate(cacheRows * c.headDim() * BF16);
      valueCache = mem.allocate(cacheRows * c.headDim() * BF16);
      out = mem.allocate(rows * c.headDim() * F32);
    }

    /** The orchestration function's body: it runs in the executor's outer scope (ring 0), which the runtime opens. */
    Program emit() {
      for (int b = 0; b < c.batch(); b++) {
        for (int q = 0; q < c.qLoop(); q++) {
          tile(b, q);
        }
      }
      return pb.build();
    }

    /** One batch and query tile: the accumulators' owner and the per-block task chain. */
    private void tile(int b, int q) {
      int qTile = c.qTile();
      long row = (long) b * c.numHeads() + (long) q * qTile;
      long tileBytes = (long) qTile * c.headDim();
      TensorArg qi = TensorArg.input(query, row * c.headDim() * BF16, tileBytes * BF16);
      TensorArg outView = TensorArg.inout(out, row * c.headDim() * F32, tileBytes * F32);

      switch (mode) {
        case AUTO -> pb.scope(ScopeMode.AUTO);
        case MANUAL -> pb.scope(ScopeMode.MANUAL);
        case PARTIAL_MANUAL, SEED_SNAPSHOT -> {
          pb.scope(ScopeMode.AUTO);
          pb.scope(ScopeMode.MANUAL);
        }
      }
      TensorArg oi = mem.output(tileBytes * F32);
      TensorArg liUpdate = mem.output((long) qTile * F32);
      TensorArg miUpdate = mem.output((long) qTile * F32);
      // The accumulators' owner: alloc_tensors (AUTO, MANUAL) or PR #482's AIV hub task.
      long owner = mode == Variant.PARTIAL_MANUAL
          ? pb.submit(Kernels.HUB, CoreMasks.AIV, 1, oi, liUpdate, miUpdate)
          : pb.allocTensors(oi, liUpdate, miUpdate);
      long prevUp = -1;
      int blocks = c.kvBlocks(b);
      for (int bn = 0; bn < blocks; bn++) {
        if (mode == Variant.AUTO) {
          pb.scope(ScopeMode.AUTO);
        }
        long cacheRow = ((long) b * c.cacheBlocksPerBatch() + bn) * c.blockSize();
        long kvBytes = (long) c.blockSize() * c.headDim() * BF16;
        TensorArg kj = TensorArg.input(keyCache, cacheRow * c.headDim() * BF16, kvBytes);
        TensorArg vj = TensorArg.input(valueCache, cacheRow * c.headDim() * BF16, kvBytes);
        int validLen = Math.min(c.blockSize(), c.contextLens().get(b) - bn * c.blockSize());
        long scoreCells = (long) qTile * c.blockSize();

        TensorArg sij = mem.output(scoreCells * F32);
        long qk = pb.submit(Kernels.QK, CoreMasks.AIC, 1, qi, kj, sij);

        // SF reads the valid columns only: a view of sij from its start to the last valid cell.
        TensorArg sijValid = TensorArg.input(sij.base(), 0, ((qTile - 1L) * c.blockSize() + validLen) * F32);
        TensorArg pij = mem.output(scoreCells * BF16);
        TensorArg mi = mem.output((long) qTile * F32);
        TensorArg li = mem.output((long) qTile * F32);
        long sf = pb.submit(Kernels.SF, CoreMasks.AIV, 1, sijValid, pij, mi, li);
        if (mode == Variant.MANUAL || mode == Variant.SEED_SNAPSHOT) {
          pb.addDependency(qk, sf);
        }

        TensorArg oiTmp = mem.output(tileBytes * F32);
        long pv = pb.submit(Kernels.PV, CoreMasks.AIC, 1, pij.as(INPUT), vj, oiTmp);
        if (mode == Variant.MANUAL || mode == Variant.SEED_SNAPSHOT) {
          pb.addDependency(sf, pv);
        }

        long up = pb.submit(Kernels.UP, CoreMasks.AIV, 1,
            mi.as(INPUT), li.as(INPUT), oiTmp.as(INPUT), miUpdate.as(INOUT), liUpdate.as(INOUT), oi.as(INOUT), outView);
        switch (mode) {
          case AUTO -> pb.endScope();
          case MANUAL -> {
            // add_dep order of the example: PV, the previous UP, then on the last block the alloc task.
            pb.addDependency(pv, up);
            if (prevUp >= 0) {
              pb.addDependency(prevUp, up);
            }
            if (bn == blocks - 1) {
              pb.addDependency(owner, up);
            }
          }
          case PARTIAL_MANUAL -> {
            pb.addDependency(qk, sf);
            pb.addDependency(sf, pv);
            pb.addDependency(sf, up);
            pb.addDependency(pv, up);
            pb.addDependency(prevUp >= 0 ? prevUp : owner, up);
          }
          case SEED_SNAPSHOT -> {
            pb.addDependency(pv, up);
            pb.addDependency(prevUp >= 0 ? prevUp : owner, up);
          }
        }
        prevUp = up;
      }
      switch (mode) {
        case AUTO, MANUAL -> pb.endScope();
        case PARTIAL_MANUAL, SEED_SNAPSHOT -> {
          pb.endScope();
          pb.endScope();
        }
      }
    }
  }
}
