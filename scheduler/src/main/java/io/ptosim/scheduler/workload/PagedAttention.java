package io.ptosim.scheduler.workload;

import static io.ptosim.scheduler.program.ArgDirection.INOUT;
import static io.ptosim.scheduler.program.ArgDirection.INPUT;

import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;

/**
 * Upstream's paged-attention orchestration (the #495 seed workload) for one of its test cases.
 *
 * <p>Both variants run inside the executor's outer scope (ring 0, opened by the runtime, so the
 * program has no scope of its own around the loop) and open, per batch and query tile, an AUTO
 * scope (ring 1). One alloc_tensors task owns the accumulators oi, li_update and mi_update. Per KV
 * block they submit QK (AIC) -> SF (AIV) -> PV (AIC) -> UP (AIV), UP updating the accumulators and
 * the batch's rows of {@code out} in place.
 *
 * <ul>
 *   <li>AUTO: the alloc task lives in the batch's AUTO scope (ring 1), then one AUTO scope per KV
 *       block (ring 2, PTO2_SCOPE_GUARD); every edge comes from the TensorMap: SF, PV and UP find
 *       their inputs' creators, UP finds the alloc task (creator of the accumulators) and the
 *       previous UP (last writer).
 *   <li>MANUAL / PARTIAL_MANUAL: one MANUAL scope per batch (ring 2) inside the AUTO scope, as the
 *       partial-manual variant of PR #482 the #495 seed comes from. The alloc task is the scope's
 *       first task (PR #482's buffer-owner "hub"; manual-scope v0 also keeps it inside), so the
 *       accumulators are scope-local and only explicit edges count: QK->SF, SF->PV, PV->UP and
 *       prev->UP, where prev is the alloc task for block 0 (PR #482's hub->UP0; v0 instead ties the
 *       alloc to the last UP) and the previous UP after that. UP has no SF edge (upstream #750
 *       dropped it, and the #495 snapshot shows SF with one consumer). Each edge follows its
 *       consumer's submit, so the same program serves both publish modes. The deferred scope_end
 *       skips the hidden task unless {@code publish-hidden-alloc} (seed bug 1) publishes it.
 * </ul>
 *
 * <p>Upstream draws the block table at random; it only selects which key/value rows are read, so a
 * fixed layout (batch b, block i -> cache block b * blocksPerBatch + i) gives the same graph.
 */
public final class PagedAttention extends NamedWorkload {
  private static final int BF16 = 2;
  private static final int F32 = 4;

  public PagedAttention() {
    super("paged-attention", "upstream paged attention (cases Case1..CaseVarSeq4), AUTO or MANUAL scopes (#495 seed)");
  }

  @Override
  public Program program(WorkloadParams params) {
    return program(PagedAttentionCase.byName(params.caseName()), params.mode().manualScopes());
  }

  /** The program of {@code c}, with MANUAL scopes and explicit edges when {@code manual}. */
  public static Program program(PagedAttentionCase c, boolean manual) {
    return new Emitter(c, manual).emit();
  }

  /** Writes one program: the tensor layout and the orchestration loop. */
  private static final class Emitter {
    private final PagedAttentionCase c;
    private final boolean manual;
    private final ProgramBuilder pb;
    private final AddressSpace mem = new AddressSpace();
    private final long query;
    private final long keyCache;
    private final long valueCache;
    private final long out;

    Emitter(PagedAttentionCase c, boolean manual) {
      this.c = c;
      this.manual = manual;
      this.pb = ProgramBuilder.named("paged-attention/" + c.name() + (manual ? "/manual-scope" : "/auto"));
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

    /** One batch and query tile: the accumulators' scope and the per-block task chain. */
    private void tile(int b, int q) {
      int qTile = c.qTile();
      long row = (long) b * c.numHeads() + (long) q * qTile;
      long tileBytes = (long) qTile * c.headDim();
      TensorArg qi = TensorArg.input(query, row * c.headDim() * BF16, tileBytes * BF16);
      TensorArg outView = TensorArg.inout(out, row * c.headDim() * F32, tileBytes * F32);

      pb.scope(ScopeMode.AUTO);
      if (manual) {
        // PR #482: the buffer owner (the "hub") is the first task inside the MANUAL scope.
        pb.scope(ScopeMode.MANUAL);
      }
      TensorArg oi = mem.output(tileBytes * F32);
      TensorArg liUpdate = mem.output((long) qTile * F32);
      TensorArg miUpdate = mem.output((long) qTile * F32);
      long alloc = pb.allocTensors(oi, liUpdate, miUpdate);
      // UP's previous writer of the accumulators: the buffer owner for block 0 (PR #482's hub -> UP0).
      long prevUp = alloc;
      for (int bn = 0; bn < c.kvBlocks(b); bn++) {
        if (!manual) {
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
        edge(qk, sf);

        TensorArg oiTmp = mem.output(tileBytes * F32);
        long pv = pb.submit(Kernels.PV, CoreMasks.AIC, 1, pij.as(INPUT), vj, oiTmp);
        edge(sf, pv);

        long up = pb.submit(Kernels.UP, CoreMasks.AIV, 1,
            mi.as(INPUT), li.as(INPUT), oiTmp.as(INPUT), miUpdate.as(INOUT), liUpdate.as(INOUT), oi.as(INOUT), outView);
        edge(pv, up);
        edge(prevUp, up);
        prevUp = up;
        if (!manual) {
          pb.endScope();
        }
      }
      if (manual) {
        pb.endScope();
      }
      pb.endScope();
    }

    private void edge(long producer, long consumer) {
      if (manual) {
        pb.addDependency(producer, consumer);
      }
    }
  }
}
